#!/usr/bin/env bash
# A session left on the quota screen while another process adds records,
# one transaction each (10,000 in the long version, 3,000 in the short
# one): the data file ends no larger than when nobody watches (within
# 10%).  The screens read in short transactions only (store.h), so the
# pages each commit frees can be used again by the next.  As a control, a
# reader held open through the same adds pins those pages: the file must
# then grow past the 10%, or the measure could not tell.
. "$(dirname "$0")/tui_lib.sh"

n=10000
[ "${DIENHINH_STRESS:-}" = long ] || n=3000
helper=$DIENHINH_ROOT/build/tests/helper_stress
tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }

# adds DB TAG: $n records added to DB, one transaction each; prints the data file's size.
adds() {
	T_DB=$1 dh init >/dev/null 2>&1
	"$helper" add "$T_CONFIG" "$1" "$n" "$2" > "$T_DIR/$2.out" 2>&1
	echo $? > "$T_DIR/$2.rc"
}
size() { stat -c %s "$1/data.mdb"; }

# Nobody watching.
adds "$T_DIR/alone" alone
alone=$(size "$T_DIR/alone")

# A session on the quota screen, on the year the records go to (2024).
T_DB=$T_DIR/watched dh init >/dev/null
T_DB=$T_DIR/watched
tui_start q tester
tui_wait q "Hồ sơ điển hình"
tui_keys q 3
tui_wait q "Năm 2025"
tui_keys q Left
t_wait "the session is on the quota screen for 2024" q "Năm 2024"
before=$(tui_screen q)
adds "$T_DIR/watched" watched
watched=$(size "$T_DIR/watched")
tui_settle q "$before"
t_lacks "the screen followed the adds" "$(tui_screen q)" "$before"
tui_keys q q q
t_eq "the session ends with status 0" "$(tui_exit q)" 0

# The control: a reader held open through the adds.
T_DB=$T_DIR/held dh init >/dev/null
"$helper" hold-read "$T_DIR/held" 1 > "$T_DIR/hold.out" 2>&1 &
hold=$!
t_until grep -q holding "$T_DIR/hold.out"
adds "$T_DIR/held" held
kill -9 "$hold" 2>/dev/null
wait "$hold" 2>/dev/null
held=$(size "$T_DIR/held")

echo "# tried: $n adds, one transaction each, into three databases: data file" \
	"$alone bytes with nobody watching, $watched with a session on the quota screen," \
	"$held with a reader held open"
t_eq "every add succeeded (nobody watching, watched, reader held)" \
	"$(cat "$T_DIR/alone.rc" "$T_DIR/watched.rc" "$T_DIR/held.rc" | tr '\n' ' ')" "0 0 0 "
[ "$watched" -le $((alone * 11 / 10)) ]
t_report $? "with the session open the file is within 10% of the file without ($watched)"
[ "$held" -gt $((alone * 11 / 10)) ]
t_report $? "the control: a reader held open makes it grow past that ($held bytes)"
T_DB=$T_DIR/watched
t_eq "the watched database holds the $n records" \
	"$(dh list --format tsv | tail -n +2 | wc -l)" "$n"
t_ok "and passes check" dh check
tui_quiet q
