#!/usr/bin/env bash
# check: a counter broken on purpose is reported by unit and quarter with a
# non-zero exit; a restore from a sound backup mends it; a database of a
# newer schema is refused by check itself.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/data_common.bash"
data_bin || exit 1
TAMPER=$DIENHINH_ROOT/build/tests/helper_data_tamper
[ -x "$TAMPER" ] || make -s -C "$DIENHINH_ROOT" build/tests/helper_data_tamper >/dev/null 2>&1

dh init --demo >/dev/null
t_ok "a sound database passes check" dh check
# A sound answer says what it covered: every record, unit and audit entry.
n=$(dh list --format tsv | tail -n +2 | wc -l)
units=$(dh units --format tsv | tail -n +2 | wc -l)
audit=$(dh log --format tsv | tail -n +2 | cut -f 1 | sort -u | wc -l)
t_contains "and says how much it checked" "$(dh check)" \
	"đã kiểm tra $n hồ sơ, $units đơn vị và $audit lần ghi nhật ký"
dh backup "$T_DIR/sound" >/dev/null
want=$(dh list --format tsv --unit phuong1 --year 2024 --quarter 2 | tail -n +2 | wc -l)

"$TAMPER" "$T_DIR/db" counter 2024 2 phuong1 99
t_report $? "break the counter of phuong1 for 2024 Q2 (99 instead of $want)"
out=$(dh check 2>&1)
t_eq "check exits 1" "$?" 1
line=$(echo "$out" | grep phuong1)
t_contains "it names the unit" "$line" "phuong1"
# "2024 Q2" in English, "quý 2024/2" in Vietnamese.
echo "$line" | grep -Eq '2024( Q|/)2\b'
t_report $? "... the year and quarter"
t_contains "... what the counter says" "$line" "99"
t_contains "... and what the records give" "$line" " $want "
t_eq "one problem, nothing else" "$(echo "$out" | grep -c phuong1)" 1
echo "$out" | grep '^dienhinh:' | grep -qw 1
t_report $? "and says on stderr that there is 1 problem"

"$TAMPER" "$T_DIR/db" counter 2019 1 kinhte 3
out=$(dh check 2>&1)
t_eq "a counter for a quarter without records is found too (exit 1)" "$?" 1
echo "$out" | grep kinhte | grep -Eq '2019( Q|/)1\b'
t_report $? "... by unit and quarter"

dh restore "$T_DIR/sound" >/dev/null
t_ok "restoring the sound backup mends it" dh check

"$TAMPER" "$T_DIR/db" schema 7
out=$(dh check 2>&1)
t_eq "a database of a newer schema: check exits 1" "$?" 1
t_contains "... saying why" "$out" "7"
