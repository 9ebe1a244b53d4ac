#!/usr/bin/env bash
# Reader slots: a process killed while it holds read transactions leaves
# its slots behind; the next program to open the database frees them and
# `check` says so.  When every slot is taken, commands fail with a clear
# message instead of waiting or crashing, and work again once the holder
# is gone.
source "$(dirname "$0")/stress.inc"

s_config "$T_DIR/dienhinh.ini" 4
export T_CONFIG=$T_DIR/dienhinh.ini
t_init_db
"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" 50 base > /dev/null

# LMDB resets the reader table when the first process opens the database,
# so slots left behind matter only while someone else keeps it open: a
# session does, all through this script.
coproc SESSION { "$S_HELPER" session "$T_CONFIG" "$T_DIR/db"; }
read -r -t 10 -u "${SESSION[0]}" word _
t_eq "a session keeps the database open" "$word" "open"

# readers_of PID: how many reader slots mdb_stat shows for PID (-r only lists; -rr would clear).
have_mdb_stat=0
command -v mdb_stat >/dev/null && have_mdb_stat=1
readers_of() { mdb_stat -r "$T_DIR/db" | awk -v p="$1" '$1 == p' | wc -l; }
skip() { T_N=$((T_N + 1)); echo "ok $T_N # SKIP $1 (mdb_stat from lmdb-utils is missing)"; }

# start_holder K: a process holding K read transactions; sets $holder and $held.
start_holder() {
	: > "$T_DIR/hold.out"
	"$S_HELPER" hold-read "$T_DIR/db" "$1" > "$T_DIR/hold.out" 2>&1 & holder=$!
	t_until test -s "$T_DIR/hold.out"
	read -r word held _ < "$T_DIR/hold.out"
	held=${held%:}
}

rounds=$(s_pick 3 30)
freed_ok=0 gone_ok=0 left_ok=0
for ((r = 1; r <= rounds; r++)); do
	start_holder 3
	[ "$have_mdb_stat" -eq 1 ] && [ "$(readers_of "$holder")" -eq 3 ] &&
		left_ok=$((left_ok + 1))
	kill -9 "$holder"; wait "$holder" 2>/dev/null
	# The slots outlive the process...
	[ "$have_mdb_stat" -eq 1 ] && [ "$(readers_of "$holder")" -ne 3 ] &&
		left_ok=$((left_ok - 1))
	out=$(dh check 2>&1)
	[[ $out == *"Đã giải phóng 3 chỗ đọc"* ]] && freed_ok=$((freed_ok + 1))
	[ "$have_mdb_stat" -eq 1 ] && [ "$(readers_of "$holder")" -eq 0 ] &&
		gone_ok=$((gone_ok + 1))
done
s_tried "$rounds times: a process took 3 read transactions and was killed with SIGKILL"
t_eq "check said it freed the 3 slots each time" "$freed_ok" "$rounds"
if [ "$have_mdb_stat" -eq 1 ]; then
	t_eq "the slots were still taken after each kill" "$left_ok" "$rounds"
	t_eq "and free after check each time" "$gone_ok" "$rounds"
else
	skip "slots taken after the kill"; skip "slots free after check"
fi

# Fill the reader table (LMDB's default has 126 slots).
start_holder 200
s_tried "one process opened read transactions until LMDB refused: it got $held"
t_eq "the holder got all 126 slots" "$held" "126"
out=$(dh list 2>&1); rc=$?
t_eq "list fails (exit 1) while no slot is free" "$rc" "1"
busy="Quá nhiều phiên đang mở cơ sở dữ liệu"
t_contains "and says too many sessions are open" "$out" "$busy"
out=$(dh add --unit phuong1 --type individual --category good_deeds --name "Võ Thị Sáu" \
	--date 2024-05-02 2>&1); rc=$?
t_eq "add fails (exit 1) too" "$rc" "1"
t_contains "with the same message" "$out" "$busy"
out=$("$DIENHINH_ASAN_BIN" --config "$T_CONFIG" --db "$T_DIR/db" list 2>&1); rc=$?
t_eq "the sanitizer build fails the same way (exit 1)" "$rc" "1"
s_sanitizer_quiet "$out"
t_report $? "with no memory error, undefined behaviour or leak"
kill -9 "$holder"; wait "$holder" 2>/dev/null
out=$(dh check 2>&1); rc=$?
t_eq "after the holder is killed, check passes" "$rc" "0"
t_contains "and frees its 126 slots" "$out" "Đã giải phóng 126 chỗ đọc"
t_eq "list works again" "$(dh list --format tsv | tail -n +2 | wc -l)" "50"
out=$(dh add --unit phuong1 --type individual --category good_deeds --name "Võ Thị Sáu" \
	--date 2024-05-02 2>&1)
t_report $? "add works again"
echo read >&"${SESSION[1]}"
read -r -t 10 -u "${SESSION[0]}" word count _
t_eq "the session open all along reads the 51 records" "$word $count" "count 51"
exec {SESSION[1]}>&-
