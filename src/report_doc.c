/* report_doc.c - see report_doc.h. */
#include "report_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unistr.h>

#include "i18n.h"
#include "text.h"

static const char *nz(const char *s)
{
	return s ? s : "";
}

void report_number_line(const struct report *rp, char *buf, size_t n)
{
	const char *num = rp->doc.number && *rp->doc.number ? rp->doc.number : "        ";

	snprintf(buf, n, _("No.: %s/%s"), num, nz(rp->doc.symbol));
}

void report_annex_label(size_t k, char *buf, size_t n)
{
	char roman[16];

	report_roman((int)k + 1, roman);
	snprintf(buf, n, _("Annex %s"), roman);
}

void report_annex_line(const struct report *rp, char *buf, size_t n)
{
	const char *num = rp->doc.number && *rp->doc.number ? rp->doc.number : "      ";
	char day[DATE_TEXT_SIZE];

	date_format_vn(rp->doc.day, day);
	snprintf(buf, n, _("(Attached to report No. %s/%s of %s)"), num, nz(rp->doc.symbol), day);
}

const char *report_annex_title(const struct report_section *sec)
{
	const char *t = sec->title ? sec->title : "";
	size_t n = strspn(t, "IVXLC");

	return n && t[n] == '.' && t[n + 1] == ' ' ? t + n + 2 : t;
}

const char *report_annex_note(void)
{
	return _("The figures in detail are in the annexes attached to this report.");
}

double report_text_em(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	double em = 0;

	while (p < end) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p, (size_t)(end - p));
		p += n > 0 ? n : 1;
		if (text_is_mark(uc))
			continue;
		if (uc == ' ')
			em += 0.25;
		else if (uc >= '0' && uc <= '9')
			em += 0.5;
		else if (uc_tolower(uc) != uc)
			em += uc == 'M' || uc == 'W' ? 0.9 : 0.72;
		else if (uc < 0x80 && strchr("iljft.,:;'!|()[]-/", (int)uc))
			em += 0.3;
		else
			em += uc == 'm' || uc == 'w' ? 0.75 : 0.5;
	}
	return em;
}

char *report_two_lines(const char *s)
{
	char *two = strdup(s), *best = NULL;
	double w = report_text_em(s), best_d = w;

	for (char *p = two; p && *p; p++) {
		double d;
		if (*p != ' ')
			continue;
		*p = 0;
		d = 2 * report_text_em(two) - w;
		*p = ' ';
		if (d < 0)
			d = -d;
		if (d < best_d) {
			best_d = d;
			best = p;
		}
	}
	if (best)
		*best = '\n';
	return two;
}

double report_word_em(const char *s)
{
	double best = 0;

	while (*s) {
		size_t n = strcspn(s, " \n");
		char *word = strndup(s, n);
		double em = word ? report_text_em(word) : (double)n;
		free(word);
		if (em > best)
			best = em;
		s += n;
		s += strspn(s, " \n");
	}
	return best;
}

size_t report_recipients(const struct report *rp)
{
	return rp->doc.nrecipients + 1;
}

void report_recipient(const struct report *rp, size_t i, char *buf, size_t n)
{
	if (i < rp->doc.nrecipients)
		snprintf(buf, n, "- %s;", rp->doc.recipients[i]);
	else
		snprintf(buf, n, _("- Archive: %s."), nz(rp->doc.archive));
}
