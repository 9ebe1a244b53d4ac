/* fields.c - see fields.h. */
#include "fields.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

const struct field field_table[FIELD_COUNT] = {
#define FIELD_ROW_(name, code, member, tag, kind, max, set, flags, label, header, vi, alias) \
	[FIELD_##name] = { code, offsetof(struct exemplar, member), tag, kind, max, set, flags,   \
			   label, (header) ? (header) : (label), vi, alias },
	EXEMPLAR_FIELDS(FIELD_ROW_)
#undef FIELD_ROW_
};

const struct field *field_find(const char *code)
{
	for (size_t i = 0; code && i < FIELD_COUNT; i++)
		if (strcmp(field_table[i].code, code) == 0)
			return &field_table[i];
	return NULL;
}

bool field_kept(const struct field *f)
{
	return f->kind >= FK_ID;
}

char **field_text_at(struct exemplar *x, const struct field *f)
{
	return (char **)((char *)x + f->offset);
}

const char *field_text(const struct exemplar *x, const struct field *f)
{
	return *(char *const *)((const char *)x + f->offset);
}

/* The enums are members of their own types, so each is reached by name. */
int field_enum(const struct exemplar *x, const struct field *f)
{
	switch (f->set) {
	case SET_TYPE: return (int)x->type;
	case SET_CATEGORY: return (int)x->category;
	case SET_GENDER: return (int)x->gender;
	case SET_STATUS: return (int)x->status;
	default: return 0;
	}
}

void field_set_enum(struct exemplar *x, const struct field *f, int v)
{
	switch (f->set) {
	case SET_TYPE: x->type = (enum ex_type)v; break;
	case SET_CATEGORY: x->category = (enum ex_category)v; break;
	case SET_GENDER: x->gender = (enum ex_gender)v; break;
	case SET_STATUS: x->status = (enum ex_status)v; break;
	default: break;
	}
}

const char *field_value(const struct exemplar *x, const struct field *f, unsigned style,
			char buf[FIELD_VALUE_SIZE])
{
	const char *p = (const char *)x + f->offset;
	int v;

	buf[0] = 0;
	switch (f->kind) {
	case FK_TEXT:
		return field_text(x, f) ? field_text(x, f) : "";
	case FK_UNIT:
	case FK_ACCOUNT:
		return p;
	case FK_ENUM:
		if (!(v = field_enum(x, f)))
			return "";
		return style & FIELD_LABELS ? model_set_label(f->set, v)
					    : model_set_code(f->set, v);
	case FK_FLAG:
		/* Files and the audit trail write "yes", people read the word. */
		return !*(const bool *)p ? "" : style & FIELD_LABELS ? _("yes") : "yes";
	case FK_YEAR:
		if (*(const int *)p)
			snprintf(buf, FIELD_VALUE_SIZE, "%d", *(const int *)p);
		return buf;
	case FK_DATE:
		if (style & FIELD_DATES_VN)
			date_format_vn(*(const date_t *)p, buf);
		else
			date_format(*(const date_t *)p, buf);
		return buf;
	case FK_ID:
	case FK_VERSION:
		snprintf(buf, FIELD_VALUE_SIZE, "%" PRIu64,
			 f->kind == FK_ID ? x->id : (uint64_t)x->version);
		return buf;
	case FK_UNIT_NAME:
	case FK_LIST:
	case FK_TIME:
		break;
	}
	return NULL;
}

int field_parse_flag(const char *s, bool *out)
{
	if (!s || !*s || !strcmp(s, "no") || !strcasecmp(s, _("no"))) {
		*out = false;
		return 0;
	}
	if (!strcmp(s, "yes") || !strcasecmp(s, _("yes"))) {
		*out = true;
		return 0;
	}
	return -1;
}
