#!/usr/bin/env bash
# Every message a person reads has its Vietnamese translation, and
# Vietnamese is what people see unless the config asks for English.
source "$(dirname "$0")/lib.sh"
cd "$DIENHINH_ROOT" || exit 1

xgettext --from-code=UTF-8 -k_ -kN_ -ki18n_ntext:1,2 -c/ -o "$T_DIR/all.pot" src/*.c src/ui/*.c \
	include/fields.h \
	2>"$T_DIR/xg.err"
t_report $? "message template extracted from the sources"
# Messages are looked up only through i18n.h, which sets the locale up first.
direct=$(grep -nE '(^|[^a-z_])(d?c?n?gettext|strerror)\(' src/*.c src/ui/*.c | grep -v '^src/i18n\.c:')
t_eq "no gettext() or strerror() called around i18n.h" "$direct" ""
frags=$(find src/po -name 'vi-*.po' | tr '\n' ' ')
t_eq "one catalogue: no translation fragments left beside src/po/vi.po" "$frags" ""
out=$(msgcmp src/po/vi.po "$T_DIR/all.pot" 2>&1)
t_report $? "every message in the sources is translated in src/po/vi.po"
[ -n "$out" ] && printf '#   %s\n' "${out//$'\n'/$'\n#   '}" | head -20
fuzzy=$(msgattrib --only-fuzzy --no-obsolete src/po/vi.po | grep -c '^msgid' || true)
t_eq "no fuzzy (unchecked) translations" "$fuzzy" "0"
msgfmt --check -o /dev/null src/po/vi.po
t_report $? "the catalogue passes msgfmt --check (format strings agree)"

# No config at all (not even an installed /etc/dienhinh/dienhinh.ini): the default.
none=$T_DIR/nowhere/x.ini
t_contains "Vietnamese by default" "$("$DIENHINH_BIN" --config "$none" --help)" "Cách dùng"
# The locale is set up at the first message, here one with the C library's
# own words beside ours, looked up in either order: both in Vietnamese.
out=$(LC_ALL=C.UTF-8 "$DIENHINH_BIN" --config "$none" list 2>&1)
t_contains "the first message of a run is in Vietnamese" "$out" "không đọc được tệp cấu hình"
if [ -f /usr/share/locale/vi/LC_MESSAGES/libc.mo ]; then # Debian's libc-l10n
	t_contains "... the C library's words in it too" "$out" "Không có tập tin hoặc thư mục"
fi
LANGUAGE=en LC_ALL=C.UTF-8 out=$("$DIENHINH_BIN" --config "$none" --help)
t_contains "Vietnamese even when the account asks for English" "$out" "Cách dùng"
sed 's/^language = vi/language = en/' conf/dienhinh.ini > "$T_DIR/en.ini"
out=$("$DIENHINH_BIN" --config "$T_DIR/en.ini" --db "$T_DIR/none" list 2>&1)
t_contains "English when the config says language = en" "$out" "There is no database"
t_contains "the help too" "$("$DIENHINH_BIN" --config "$T_DIR/en.ini" --help)" \
	"Usage: dienhinh [--config FILE]"
out=$("$DIENHINH_BIN" --config "$T_DIR/missing.ini" --help 2>&1)
t_contains "a config that cannot be read still gives the help, in Vietnamese" "$out" \
	"Cách dùng: dienhinh [--config TỆP]"
t_lacks "without a word about the config" "$out" "missing.ini"
out=$(LC_ALL=C "$DIENHINH_BIN" --config conf/dienhinh.ini --db "$T_DIR/none" list 2>&1)
t_contains "a non-UTF-8 locale still shows Vietnamese" "$out" "Chưa có cơ sở dữ liệu"
t_contains "and says it switched to UTF-8" "$out" "C.UTF-8"
