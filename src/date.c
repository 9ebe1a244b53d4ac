/* date.c - see date.h. */
#include "date.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#define YEAR_MIN 1900
#define YEAR_MAX 9999

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/*
 * Howard Hinnant's days_from_civil: count 400-year eras from 0000-03-01 so
 * that the leap day falls at the end of each year and month lengths follow
 * the (153 * m + 2) / 5 pattern.  Valid for every proleptic Gregorian date;
 * int64_t keeps the intermediate products far from overflow.
 */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;                                   /* [0, 399] */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

/* Hinnant's civil_from_days, the inverse of days_from_civil. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;                                       /* [0, 146096] */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                /* [0, 365] */
	mp = (5 * doy + 2) / 153;                                     /* [0, 11] */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

date_t date_from_ymd(int y, int m, int d)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12)
		return DATE_NONE;
	if (d < 1 || d > date_days_in_month(y, m))
		return DATE_NONE;
	return (date_t)days_from_civil(y, m, d);
}

void date_to_ymd(date_t date, int *y, int *m, int *d)
{
	int64_t yy;
	int mm, dd;

	if (date == DATE_NONE) {
		*y = *m = *d = 0;
		return;
	}
	civil_from_days(date, &yy, &mm, &dd);
	*y = (int)yy;
	*m = mm;
	*d = dd;
}

/* Value of n ASCII digits at s, or -1 if any of them is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD" split into its numbers, whether or not the day exists; 0 or -1. */
static int split_iso(const char *s, int *y, int *m, int *d)
{
	/* Exactly ten bytes: "2024-7-01" and "2024-07-01x" are both typos. */
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	*y = digits(s, 4);
	*m = digits(s + 5, 2);
	*d = digits(s + 8, 2);
	return *y < 0 || *m < 0 || *d < 0 ? -1 : 0;
}

int date_parse(const char *s, date_t *out)
{
	int y, m, d;
	date_t date;

	if (split_iso(s, &y, &m, &d) || (date = date_from_ymd(y, m, d)) == DATE_NONE)
		return -1;
	*out = date;
	return 0;
}

/* Read one or two digits at *s, moving past them; -1 if there is no digit. */
static int one_or_two(const char **s)
{
	const char *p = *s;
	int n = p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' ? 2 : 1;
	int v = digits(p, n);

	if (v >= 0)
		*s += n;
	return v;
}

int date_split_vn(const char *s, int *y, int *m, int *d)
{
	char sep;

	if (split_iso(s, y, m, d) == 0)
		return 0;
	if (!s || (*d = one_or_two(&s)) < 0)
		return -1;
	sep = *s++;
	if (!sep || !strchr("/-.", sep) || (*m = one_or_two(&s)) < 0 || *s++ != sep)
		return -1;
	if (strlen(s) != 4 || (*y = digits(s, 4)) < 0)
		return -1;
	return 0;
}

int date_parse_vn(const char *s, date_t *out)
{
	int d, m, y;
	date_t date;

	if (date_split_vn(s, &y, &m, &d) || (date = date_from_ymd(y, m, d)) == DATE_NONE)
		return -1;
	*out = date;
	return 0;
}

/* Write v as exactly n decimal digits (v is known to fit). */
static void put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

/*
 * Split a date for formatting; false for DATE_NONE and for day numbers
 * whose year has no four-digit form (reachable only by arithmetic).
 */
static bool printable(date_t date, int *y, int *m, int *d)
{
	if (date == DATE_NONE)
		return false;
	date_to_ymd(date, y, m, d);
	return *y >= 0 && *y <= YEAR_MAX;
}

void date_format(date_t date, char buf[DATE_TEXT_SIZE])
{
	int y, m, d;

	buf[0] = '\0';
	if (!printable(date, &y, &m, &d))
		return;
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, d, 2);
	buf[10] = '\0';
}

void date_format_vn(date_t date, char buf[DATE_TEXT_SIZE])
{
	int y, m, d;

	buf[0] = '\0';
	if (!printable(date, &y, &m, &d))
		return;
	put_digits(buf, d, 2);
	buf[2] = '/';
	put_digits(buf + 3, m, 2);
	buf[5] = '/';
	put_digits(buf + 6, y, 4);
	buf[10] = '\0';
}

int date_year(date_t date)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	return y;
}

int date_quarter(date_t date)
{
	int y, m, d;

	if (date == DATE_NONE)
		return 0;
	date_to_ymd(date, &y, &m, &d);
	return (m - 1) / 3 + 1;
}

date_t date_quarter_first(int year, int q)
{
	if (q < 1 || q > 4)
		return DATE_NONE;
	return date_from_ymd(year, 3 * q - 2, 1);
}

date_t date_quarter_last(int year, int q)
{
	/* Quarters end on March 31, June 30, September 30, December 31. */
	static const unsigned char last_day[4] = { 31, 30, 30, 31 };

	if (q < 1 || q > 4)
		return DATE_NONE;
	return date_from_ymd(year, 3 * q, last_day[q - 1]);
}

date_t date_of_time(time_t t)
{
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return DATE_NONE;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

date_t date_today(void)
{
	return date_of_time(time(NULL));
}
