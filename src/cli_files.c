/* cli_files.c - see cli_files.h. */
#include "cli_files.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange.h"
#include "export.h"
#include "i18n.h"
#include "identity.h"
#include "report_build.h"
#include "report_file.h"
#include "report_plan.h"
#include "text.h"

/* Problems of an import listed on the terminal; the count says how many more. */
#define MAX_LISTED 200

/* --format not given: the file name decides, else the command's default. */
#define FORMAT_GUESS (-1)

/* Options of report and export; each command accepts its own subset. */
struct data_opts {
	int year, quarter;
	long width;
	int fmt;           /* enum report_format, or FORMAT_GUESS */
	const char *out;   /* -o FILE; NULL = standard output */
	bool bom;          /* CSV starts with a byte order mark, for Excel (--no-bom: not) */
	const char *number, *signer; /* --number, --signer of a report */
};

/* The format asked for, else the one the file's name names; 0, or a usage error. */
static int settle_format(const char *cmd, const struct data_opts *o, enum report_format dflt,
			 enum report_format *out)
{
	if (o->fmt != FORMAT_GUESS) {
		*out = (enum report_format)o->fmt;
		return 0;
	}
	if (report_file_guess(o->out, dflt, out) == 0)
		return 0;
	return cli_usage(cmd, dflt == REPORT_FORMAT_TEXT
			 ? _("-o %s: this program writes no such file; name it .txt, .csv, "
			     ".xlsx or .docx, or give --format.")
			 : _("-o %s: this program writes no such file; name it .csv or .xlsx, "
			     "or give --format."), o->out);
}

/* Parse the options of argv (argv[0] is the command's first word; options may
 * come before or after other words, which getopt moves to argv[optind...]);
 * `allowed` lists the short codes accepted. */
static int parse_opts(const char *cmd, int argc, char **argv, const char *allowed,
		      struct data_opts *o)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "quarter", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "bom", no_argument, NULL, 'b' },
		{ "no-bom", no_argument, NULL, 'B' },
		{ "width", required_argument, NULL, 'w' },
		{ "number", required_argument, NULL, 'n' },
		{ "signer", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	enum report_format f;
	struct err e;
	int opt, rc;

	optind = 0; /* GNU getopt: start afresh, permuting */
	while ((opt = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
		if (opt == '?' || opt == ':' || !strchr(allowed, opt))
			return cli_bad_option(cmd, opt, argv, opts);
		switch (opt) {
		case 'y':
		case 'q':
			if ((rc = cli_opt_period(cmd, opt, optarg, &o->year, &o->quarter)))
				return rc;
			break;
		case 'w':
			if (cli_parse_int(optarg, "--width", 40, 1000, &o->width, &e))
				return cli_usage(cmd, "%s", e.msg);
			break;
		case 'f':
			/* Only a report is a document (text and docx); an export is data. */
			if (report_file_format(optarg, &f) ||
			    ((f == REPORT_FORMAT_TEXT || f == REPORT_FORMAT_DOCX) &&
			     !strchr(allowed, 'w')))
				return cli_usage(cmd, strchr(allowed, 'w')
						 ? _("--format: use text, csv, xlsx or docx.")
						 : _("--format: use csv or xlsx."));
			o->fmt = (int)f;
			break;
		case 'o': o->out = optarg; break;
		case 'b': break; /* the default now; still accepted from older scripts */
		case 'B': o->bom = false; break;
		case 'n': o->number = optarg; break;
		case 's': o->signer = optarg; break;
		}
	}
	return 0;
}

/* ---- writing -------------------------------------------------------------------------- */

/* The report to standard output, or to o->out with the person's own rights. */
static int write_report(const struct report *rp, enum report_format fmt,
			const struct data_opts *o, struct err *e)
{
	if (o->out)
		return identity_drop_privilege(e) ? -1
			: report_file_write(rp, fmt, o->out, (int)o->width, o->bom, e);
	return fmt == REPORT_FORMAT_CSV ? report_write_csv(rp, stdout, o->bom, e)
					: report_write_text(rp, stdout, (int)o->width, e);
}

/* ---- report ------------------------------------------------------------------------------ */

/* --number or --signer as text a document can hold (valid UTF-8, no
 * control characters, NFC) put into the report; 0 or a usage error. */
static int doc_opt(struct report *rp, const char *opt, const char *v)
{
	char *clean = NULL;
	enum text_status st = text_clean(v, strlen(v), 0, &clean, NULL);

	if (st != TEXT_OK) {
		free(clean);
		return cli_usage("report", "%s: %s", opt, text_status_message(st));
	}
	if (opt[2] == 'n')
		report_set_number(rp, clean);
	else
		report_set_signer(rp, clean);
	free(clean);
	return 0;
}

int cli_files_report(struct cli *c, int argc, char **argv)
{
	struct data_opts o = { 0, 0, 80, FORMAT_GUESS, NULL, true, NULL, NULL };
	struct report *rp = NULL;
	struct err e = { 0 };
	const char *kind = argc > 1 ? argv[1] : "";
	int rc;

	if (strcmp(kind, "quarter") && strcmp(kind, "year") && strcmp(kind, "plan"))
		return cli_usage("report", _("say which report: quarter, year or plan."));
	if ((rc = parse_opts("report", argc - 1, argv + 1, strcmp(kind, "quarter") == 0
			     ? "yqfobBwns" : "yfobBwns", &o)))
		return rc;
	if (optind < argc - 1)
		return cli_usage("report", _("unexpected argument \"%s\"."), argv[optind + 1]);
	enum report_format fmt;
	if ((rc = settle_format("report", &o, REPORT_FORMAT_TEXT, &fmt)))
		return rc;
	if (fmt == REPORT_FORMAT_XLSX && !o.out)
		return cli_usage("report", _("an xlsx report needs -o FILE."));
	if (fmt == REPORT_FORMAT_DOCX && !o.out)
		return cli_usage("report", _("a docx report needs -o FILE."));
	if (kind[0] == 'q' && o.year && !o.quarter)
		return cli_usage("report", _("--year needs --quarter for the quarter report."));
	if (kind[0] != 'p') /* the plan's default is its period's (report_plan_build) */
		cli_default_period(c, &o.year, &o.quarter);
	if (cli_open(c, REG_READ_ONLY, &e))
		return cli_fail(&e);
	if (kind[0] == 'q')
		rc = report_build_quarter(c->reg, o.year, o.quarter, &rp, &e);
	else if (kind[0] == 'y')
		rc = report_build_year(c->reg, o.year, &rp, &e);
	else
		rc = report_plan_build(c->reg, o.year, &rp, &e);
	if (!rc && ((o.number && (rc = doc_opt(rp, "--number", o.number))) ||
		    (o.signer && (rc = doc_opt(rp, "--signer", o.signer))))) {
		report_free(rp);
		return rc;
	}
	if (!rc)
		rc = report_status(rp, &e) ? -1 : write_report(rp, fmt, &o, &e);
	report_free(rp);
	if (rc)
		return cli_fail(&e);
	if (o.out)
		printf(_("The report is written to %s.\n"), o.out);
	return 0;
}

/* ---- export and import ----------------------------------------------------------------- */

/* "exemplars" or "units"; -1 for another word. */
static int what_arg(const char *s, enum exchange_what *what)
{
	*what = strcmp(s, "units") == 0 ? EXCHANGE_UNITS : EXCHANGE_EXEMPLARS;
	return strcmp(s, "units") && strcmp(s, "exemplars") ? -1 : 0;
}

int cli_files_export(struct cli *c, int argc, char **argv)
{
	struct data_opts o = { 0, 0, 80, FORMAT_GUESS, NULL, true, NULL, NULL };
	enum exchange_what what;
	struct report *rp = NULL;
	struct err e = { 0 };
	size_t count = 0;
	int rc;

	if ((rc = parse_opts("export", argc, argv, "fobB", &o)))
		return rc;
	if (optind + 1 < argc)
		return cli_usage("export", _("unexpected argument \"%s\"."), argv[optind + 1]);
	if (what_arg(optind < argc ? argv[optind] : "exemplars", &what))
		return cli_usage("export", _("say what to export: exemplars or units."));
	enum report_format fmt;
	if ((rc = settle_format("export", &o, REPORT_FORMAT_CSV, &fmt)))
		return rc;
	if (fmt == REPORT_FORMAT_XLSX && !o.out)
		return cli_usage("export", _("an xlsx file needs -o FILE."));
	if (cli_open(c, REG_READ_ONLY, &e) || export_register(c->reg, what, &rp, &count, &e) ||
	    write_report(rp, fmt, &o, &e)) {
		report_free(rp);
		return cli_fail(&e);
	}
	report_free(rp);
	if (o.out)
		printf(what == EXCHANGE_UNITS ? _("%zu units written to %s.\n")
					      : _("%zu exemplars written to %s.\n"), count, o.out);
	return 0;
}

/* Columns an import may be told to read otherwise (--column), at most. */
#define MAX_USES 64

/* How an import of several files is going (exchange.h), for import_done(). */
struct import_run {
	enum exchange_what what;
	const char *const *paths;
	size_t n;
	unsigned flags;
	size_t told;              /* files told about so far */
	struct exchange_options opt;
	struct importfile_use uses[MAX_USES];
};

/* What the import read: the sheet, the header's rows, each column's use. */
static void print_mapping(const struct import_run *run, const struct exchange_result *res)
{
	const struct sheet_column *cols = run->what == EXCHANGE_UNITS ? sheet_unit_columns
								      : sheet_exemplar_columns;

	if (!res->n_columns)
		return;
	if (res->sheet[0])
		printf(_("Sheet \"%s\", "), res->sheet);
	if (res->header_rows > 1)
		printf(_("header on rows %zu-%zu. Columns:\n"), res->header_row,
		       res->header_row + 1);
	else
		printf(_("header on row %zu. Columns:\n"), res->header_row);
	for (size_t j = 0; j < res->n_columns; j++) {
		const struct exchange_column *c = &res->columns[j];
		const char *use = c->use < 0 ? (c->name[0] || c->data ? _("(not read)") : NULL)
			: cols[c->use].code ? _(cols[c->use].label) : _("(left out)");
		int w = 0;
		size_t fit = text_fit(c->name, 34, &w);
		if (use)
			printf("  %-3s %.*s%*s -> %s\n", c->letter, (int)fit, c->name, 34 - w, "",
			       use);
	}
}

/* The rows below the header that are not records, counted by why. */
static void print_left_out(const struct exchange_result *res, bool rows)
{
	size_t total = 0;

	for (int w = 0; w < LAYOUT_WHY_COUNT; w++)
		total += res->left_out[w];
	if (!total)
		return;
	printf(_("%zu rows are not records and were left out:"), total);
	for (int w = 0, first = 1; w < LAYOUT_WHY_COUNT; w++)
		if (res->left_out[w]) {
			printf("%s %s %zu", first ? "" : ";", layout_why_text((enum layout_why)w),
			       res->left_out[w]);
			first = 0;
		}
	puts(".");
	if (rows && res->n_left_out_rows) {
		printf(_("  rows:"));
		for (size_t i = 0; i < res->n_left_out_rows && i < MAX_LISTED; i++)
			printf(" %zu", res->left_out_rows[i]);
		putchar('\n');
	}
}

/* One file's answer: its problems and error on stderr, else what it wrote. */
static void import_done(void *arg, size_t i, int rc, const struct exchange_result *res,
			const struct err *e)
{
	struct import_run *run = arg;
	const char *path = run->paths[i];
	bool units = run->what == EXCHANGE_UNITS;

	run->told = i + 1;
	if (run->flags & EXCHANGE_DRY_RUN)
		print_mapping(run, res);
	print_left_out(res, run->flags & EXCHANGE_DRY_RUN);
	fflush(stdout); /* before the problems, on stderr */
	for (size_t k = 0; k < res->n_problems && k < MAX_LISTED; k++)
		fprintf(stderr, "%s\n", res->problems[k].text);
	if (res->n_problems > MAX_LISTED)
		fprintf(stderr, _("... and %zu more problems.\n"), res->n_problems - MAX_LISTED);
	if (rc) {
		cli_fail(e);
		return;
	}
	if (run->flags & EXCHANGE_DRY_RUN)
		printf(units ? _("%s checked: %zu units would be added or changed. Nothing was "
				 "written (--dry-run).\n")
			     : _("%s checked: %zu exemplars would be added. Nothing was written "
				 "(--dry-run).\n"), path, res->written);
	else
		printf(units ? _("%zu units added or changed from %s.\n")
			     : _("%zu exemplars imported from %s.\n"), res->written, path);
	/* as the screen says it, where the reason is asked only for these */
	if (res->late) {
		printf(i18n_ntext("%zu of them is a late entry (dated in a closed quarter).",
				  "%zu of them are late entries (dated in a closed quarter).",
				  res->late), res->late);
		putchar('\n');
	}
	if (res->skipped && units)
		printf(_("%zu units were already as in the file.\n"), res->skipped);
	else if (res->skipped)
		printf(_("%zu exemplars already recorded were left out.\n"), res->skipped);
	/* Out at once, even into a file: if the import is stopped (Ctrl-C) during
	 * a later file, what it says of those written must not be lost with it. */
	fflush(stdout);
}

/* "D" as 4; 0 when it is not a column's letters. */
static size_t column_number(const char *s, size_t n)
{
	size_t col = 0;

	for (size_t i = 0; i < n; i++) {
		char ch = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
		if (ch < 'A' || ch > 'Z' || col > 100000)
			return 0;
		col = col * 26 + (size_t)(ch - 'A' + 1);
	}
	return col;
}

/* --column LETTER=USE: a column's code or header, or "skip"; 0 or a usage error. */
static int column_arg(struct import_run *run, const char *arg)
{
	const struct sheet_column *cols = run->what == EXCHANGE_UNITS ? sheet_unit_columns
								      : sheet_exemplar_columns;
	size_t n = run->what == EXCHANGE_UNITS ? SHEET_U_COUNT : SHEET_X_COUNT;
	const char *eq = strchr(arg, '=');
	struct importfile_use *u = &run->uses[run->opt.n_uses];

	if (run->opt.n_uses == MAX_USES)
		return cli_usage("import", _("too many --column options."));
	if (!eq || !(u->col = column_number(arg, (size_t)(eq - arg))))
		return cli_usage("import", _("write --column as LETTER=COLUMN, for example "
					     "--column D=name or --column H=skip."));
	u->use = !strcmp(eq + 1, "skip") ? (int)(run->what == EXCHANGE_UNITS ? SHEET_U_SKIP
									   : SHEET_X_SKIP)
					 : sheet_find_column(cols, n, eq + 1);
	if (u->use < 0)
		return cli_usage("import", _("there is no column \"%s\" to read into."), eq + 1);
	run->opt.n_uses++;
	return 0;
}

int cli_files_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-duplicates", no_argument, NULL, 's' },
		{ "sheet", required_argument, NULL, 'S' },
		{ "column", required_argument, NULL, 'C' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_run run = { 0 };
	struct err e = { 0 };
	const char *columns[MAX_USES];
	size_t n_columns = 0;
	int opt, rc;

	optind = 0; /* GNU getopt: start afresh, permuting */
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'n')
			run.flags |= EXCHANGE_DRY_RUN;
		else if (opt == 's')
			run.flags |= EXCHANGE_SKIP_DUPLICATES;
		else if (opt == 'S')
			run.opt.sheet = optarg;
		else if (opt == 'r')
			run.opt.reason = optarg; /* for the rows that are late entries */
		else if (opt == 'C' && n_columns < MAX_USES)
			columns[n_columns++] = optarg;
		else if (opt == 'C')
			return cli_usage("import", _("too many --column options."));
		else
			return cli_bad_option("import", opt, argv, opts);
	}
	if (optind >= argc || what_arg(argv[optind], &run.what))
		return cli_usage("import", _("say what to import: exemplars or units."));
	/* The columns' names depend on what is imported, known only now. */
	run.opt.uses = run.uses;
	for (size_t i = 0; i < n_columns; i++)
		if ((rc = column_arg(&run, columns[i])))
			return rc;
	if (optind + 1 >= argc)
		return cli_usage("import", _("give the files to import (.xlsx, .xls or .csv)."));
	if (run.what == EXCHANGE_UNITS)
		run.flags &= ~(unsigned)EXCHANGE_SKIP_DUPLICATES;
	run.paths = (const char *const *)argv + optind + 1;
	run.n = (size_t)(argc - optind - 1);
	/* The register first (it needs the group), then the person's own rights for
	 * reading their files. */
	if (cli_open(c, 0, &e) || identity_drop_privilege(&e))
		return cli_fail(&e);
	if (!exchange_import_files(c->reg, run.what, run.paths, run.n, &run.opt, run.flags,
				   import_done, &run, &e))
		return 0;
	if (run.told < run.n && !(run.flags & EXCHANGE_DRY_RUN))
		cli_warn(_("The import stopped at %s: the files after it (%zu) are not "
			   "imported.%s\n"), run.paths[run.told - 1], run.n - run.told,
			 run.told > 1 ? _(" The files before it are.") : "");
	return err_exit_status(&e);
}
