/*
 * fields.h - the exemplar's fields, one row each: its code, member, codec
 * tag, kind, length limit, column headers and labels.  Whatever walks an
 * exemplar field by field walks this table (cleaning and copying, the
 * codec, the audit diff, export and import, `show`, the add/edit options,
 * the form, the detail page), so a text field is its member in struct
 * exemplar and one row here (docs/architecture.md, "Fields").  The rows are
 * in the order of the exemplar file's columns, which is also the order of
 * `show` and of an audit entry's changes.  Kinds other than FK_TEXT have
 * code of their own where they are used; the table still lists them.
 */
#ifndef DIENHINH_FIELDS_H
#define DIENHINH_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"
#include "model.h"

/* How a field is held in struct exemplar. */
enum field_kind {
	FK_TEXT,      /* char *, NULL when empty; cleaned, at most max_chars characters */
	FK_ENUM,      /* one of the values of `set`; 0 when unset */
	FK_DATE,      /* date_t, DATE_NONE when unset */
	FK_YEAR,      /* int, 0 when unknown */
	FK_UNIT,      /* char[CODE_MAX + 1]: the introducing unit's code */
	FK_UNIT_NAME, /* not stored: the name of the unit in `unit`, in files only */
	FK_LIST,      /* the propagations */
	/* Kept by the program: never set by a person, not in the audit trail. */
	FK_ID,        /* uint64_t */
	FK_VERSION,   /* uint32_t */
	FK_ACCOUNT,   /* char[USER_MAX + 1] */
	FK_TIME,      /* int64_t, seconds since the epoch; 0 when unknown */
};

/* Row flags. */
enum {
	FF_EDIT = 1 << 0,      /* set by `add`/`edit` (--code, '_' as '-') and the form */
	FF_MULTILINE = 1 << 1, /* may hold line breaks; the form gives it several lines */
	FF_REQUIRED = 1 << 2,  /* an exemplar file must have this column */
};

/*
 * The table.  Columns of a row:
 *   name     FIELD_<name>, the row's index
 *   code     stable: files, scripts, `show`, the audit trail, err.field
 *   member   in struct exemplar
 *   tag      the codec's tag, 1-255, never renumbered (databases hold it);
 *            0 for a field that is not stored
 *   kind     FK_*
 *   max      FK_TEXT: the most characters, after cleaning; else 0
 *   set      FK_ENUM: its values (enum model_set); else 0
 *   flags    FF_*
 *   label    N_(): what people call the field
 *   header   N_(): its column's header in files, NULL when it is the label
 *   vi       the Vietnamese header: the catalogue's translation of the
 *            header, also read when the program speaks English
 *   alias    more headers an import reads, separated by '|', or NULL: the
 *            one list of the names offices give the column in their own
 *            sheets (matched as sheet.h says: case, accents, spaces and
 *            punctuation aside)
 */
#define EXEMPLAR_FIELDS(X)                                                                     \
	X(ID, "id", id, 1, FK_ID, 0, 0, 0,                                                     \
	  N_("Number"), NULL, "Số hồ sơ", "so")                                                \
	X(VERSION, "version", version, 2, FK_VERSION, 0, 0, 0,                                 \
	  N_("Version"), NULL, "Phiên bản", NULL)                                              \
	/* Either holds a unit's code or its name (the import tries both). */                  \
	X(UNIT, "unit", unit, 9, FK_UNIT, 0, 0, FF_EDIT,                                       \
	  N_("Introducing unit"), N_("Unit code"), "Mã đơn vị", "Đơn vị giới thiệu")           \
	X(UNIT_NAME, "unit_name", unit, 0, FK_UNIT_NAME, 0, 0, 0,                              \
	  N_("Unit name"), NULL, "Tên đơn vị", "Đơn vị|Cơ quan, đơn vị|Tên cơ quan, đơn vị")                                       \
	X(TYPE, "type", type, 3, FK_ENUM, 0, SET_TYPE, FF_EDIT,                                \
	  N_("Type"), NULL, "Loại", "Tập thể/cá nhân|Loại hình")                                                      \
	X(CATEGORY, "category", category, 4, FK_ENUM, 0, SET_CATEGORY, FF_EDIT | FF_REQUIRED,  \
	  N_("Category"), NULL, "Lĩnh vực", "Nhóm lĩnh vực")                                              \
	X(NAME, "name", name, 10, FK_TEXT, NAME_MAX_CHARS, 0, FF_EDIT | FF_REQUIRED,           \
	  N_("Name"), NULL, "Tên", "Họ và tên|Họ tên|Tên tập thể/cá nhân|Tên cá nhân/tập thể|"  \
	  "Tên tập thể|Tên gương điển hình")                                                \
	X(GENDER, "gender", gender, 6, FK_ENUM, 0, SET_GENDER, FF_EDIT,                        \
	  N_("Gender"), NULL, "Giới tính", "Nam/Nữ")                                               \
	X(BIRTH_YEAR, "birth_year", birth_year, 7, FK_YEAR, 0, 0, FF_EDIT,                     \
	  N_("Year of birth"), NULL, "Năm sinh", "Sinh năm")                                         \
	X(POSITION, "position", position, 11, FK_TEXT, LINE_MAX_CHARS, 0, FF_EDIT,             \
	  N_("Position"), NULL, "Chức vụ", "Chức danh|Chức vụ, chức danh")                                               \
	X(WORKPLACE, "workplace", workplace, 12, FK_TEXT, LINE_MAX_CHARS, 0, FF_EDIT,          \
	  N_("Workplace / address"), NULL, "Nơi công tác / địa chỉ",                    \
	  "Địa chỉ|Nơi công tác|Đơn vị công tác|Chức vụ, đơn vị công tác")                \
	X(MOVEMENT, "movement", movement, 13, FK_TEXT, LINE_MAX_CHARS, 0, FF_EDIT,             \
	  N_("Emulation movement"), NULL, "Phong trào thi đua", "Phong trào")                          \
	X(ACHIEVEMENTS, "achievements", achievements, 14, FK_TEXT, ACHIEVEMENTS_MAX_CHARS, 0,  \
	  FF_EDIT | FF_MULTILINE, N_("Achievements"), NULL, "Thành tích",        \
	  "Thành tích đạt được|Thành tích nổi bật|Tóm tắt thành tích")                \
	X(DATE, "date", date, 8, FK_DATE, 0, 0, FF_EDIT | FF_REQUIRED,                         \
	  N_("Introduction date"), NULL, "Ngày giới thiệu",              \
	  "Thời gian giới thiệu|Ngày, tháng, năm giới thiệu")                              \
	X(STATUS, "status", status, 5, FK_ENUM, 0, SET_STATUS, 0,                              \
	  N_("Status"), NULL, "Trạng thái", NULL)                                              \
	X(STATUS_REASON, "status_reason", status_reason, 15, FK_TEXT, LINE_MAX_CHARS, 0, 0,    \
	  N_("Reason"), NULL, "Lý do", NULL)                                                   \
	X(FORM, "form", commendation.form, 20, FK_TEXT, LINE_MAX_CHARS, 0, 0,                  \
	  N_("Form of commendation"), NULL, "Hình thức khen thưởng", NULL)                     \
	X(DECISION, "decision", commendation.decision, 21, FK_TEXT, LINE_MAX_CHARS, 0, 0,      \
	  N_("Decision number"), NULL, "Số quyết định", NULL)                                  \
	X(DECISION_DATE, "decision_date", commendation.date, 22, FK_DATE, 0, 0, 0,             \
	  N_("Decision date"), NULL, "Ngày quyết định", NULL)                                  \
	X(SIGNER, "signer", commendation.signer, 23, FK_TEXT, LINE_MAX_CHARS, 0, 0,            \
	  N_("Signed by"), NULL, "Người ký", NULL)                                             \
	X(PROPAGATIONS, "propagations", propagations, 24, FK_LIST, 0, 0, 0,                    \
	  N_("Propagations"), NULL, "Tuyên truyền", NULL)                                      \
	X(CREATED_BY, "created_by", created_by, 16, FK_ACCOUNT, 0, 0, 0,                       \
	  N_("Entered by"), NULL, "Người nhập", NULL)                                          \
	X(CREATED_AT, "created_at", created_at, 18, FK_TIME, 0, 0, 0,                          \
	  N_("Entered at"), NULL, "Thời điểm nhập", NULL)                                      \
	X(UPDATED_BY, "updated_by", updated_by, 17, FK_ACCOUNT, 0, 0, 0,                       \
	  N_("Last changed by"), NULL, "Người sửa gần nhất", "Người sửa lần cuối")             \
	X(UPDATED_AT, "updated_at", updated_at, 19, FK_TIME, 0, 0, 0,                          \
	  N_("Last changed at"), NULL, "Thời điểm sửa gần nhất", "Thời điểm sửa lần cuối")

enum field_id {
#define FIELD_ID_(name, ...) FIELD_##name,
	EXEMPLAR_FIELDS(FIELD_ID_)
#undef FIELD_ID_
	FIELD_COUNT
};

/* One row, as the columns above describe it; `header` is never NULL here. */
struct field {
	const char *code;
	size_t offset;
	int tag;
	enum field_kind kind;
	size_t max_chars;
	enum model_set set;
	unsigned flags;
	const char *label;
	const char *header;
	const char *vi;
	const char *alias;
};

extern const struct field field_table[FIELD_COUNT];

/* The row whose code is `code`, or NULL. */
const struct field *field_find(const char *code);

/* Is the field kept by the program (number, version, who and when)? */
bool field_kept(const struct field *f);

/* An FK_TEXT field of x: its member, and its value (NULL when empty). */
char **field_text_at(struct exemplar *x, const struct field *f);
const char *field_text(const struct exemplar *x, const struct field *f);

/* An FK_ENUM field of x: its value, and setting it. */
int field_enum(const struct exemplar *x, const struct field *f);
void field_set_enum(struct exemplar *x, const struct field *f, int v);

/* How field_value() writes values. */
enum {
	FIELD_LABELS = 1 << 0,  /* an enum as its translated label, not its code */
	FIELD_DATES_VN = 1 << 1 /* a date as DD/MM/YYYY, not YYYY-MM-DD */
};
#define FIELD_VALUE_SIZE 24

/*
 * The value of field f of x as one text, "" when it is empty or unset
 * (also an unset enum, whatever the style): the member itself, a label or
 * buf.  Enum values are codes and dates YYYY-MM-DD, as files and the audit
 * trail write them, unless `style` says otherwise.  NULL for the kinds
 * whose text is the caller's to make: FK_UNIT_NAME, FK_LIST, FK_TIME.
 */
const char *field_value(const struct exemplar *x, const struct field *f, unsigned style,
			char buf[FIELD_VALUE_SIZE]);

#endif
