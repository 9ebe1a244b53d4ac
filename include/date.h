/*
 * date.h - calendar dates and quarters.
 *
 * A date is a day number (days since 1970-01-01, proleptic Gregorian), so
 * that differences are plain subtraction and the stored form is 4 bytes.
 * DATE_NONE marks "no date" (an open-ended active period, an unknown date).
 */
#ifndef DIENHINH_DATE_H
#define DIENHINH_DATE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

typedef int32_t date_t;

#define DATE_NONE INT32_MIN
#define DATE_TEXT_SIZE 11 /* "YYYY-MM-DD" and NUL */

/* Day number of a valid year/month/day; DATE_NONE if it is not a real date
 * or the year is outside 1900-9999. */
date_t date_from_ymd(int y, int m, int d);

/* Split a day number into year, month (1-12) and day (1-31). */
void date_to_ymd(date_t date, int *y, int *m, int *d);

/* Parse exactly "YYYY-MM-DD"; 0 on success, -1 if malformed or not a real date. */
int date_parse(const char *s, date_t *out);

/*
 * Parse a date as a person writes it: "YYYY-MM-DD", or day, month and year
 * in the Vietnamese order with "/", "-" or "." between them ("27/11/2025",
 * "5/3/2024", "27.11.2025"; the year in four digits, one separator
 * throughout).  0, or -1 if it is neither or not a real date.
 */
int date_parse_vn(const char *s, date_t *out);

/*
 * The numbers of a date written as date_parse_vn() reads it, whether or
 * not that day exists ("31/02/2025" gives 2025, 2, 31): 0, or -1 when the
 * text is not written as a date at all.  What tells a person "that day
 * does not exist" apart from "write it DD/MM/YYYY".
 */
int date_split_vn(const char *s, int *y, int *m, int *d);

/* Days in month m of year y; 0 when m is not 1-12. */
int date_days_in_month(int y, int m);

/* Write "YYYY-MM-DD" (or "" for DATE_NONE) into buf. */
void date_format(date_t date, char buf[DATE_TEXT_SIZE]);

/* Write "DD/MM/YYYY", the way dates are written on Vietnamese documents. */
void date_format_vn(date_t date, char buf[DATE_TEXT_SIZE]);

int date_year(date_t date);
int date_quarter(date_t date); /* 1-4 */

/* First and last day of a quarter (q in 1-4). */
date_t date_quarter_first(int year, int q);
date_t date_quarter_last(int year, int q);

/* Today in the local time zone, from the clock. */
date_t date_today(void);

/* The day a timestamp (seconds since the epoch) falls on, local time. */
date_t date_of_time(time_t t);

#endif
