#!/usr/bin/env bash
# kill -9 at random moments while `dienhinh import exemplars` reads and
# writes a large file, round after round on one growing database: every
# reopen passes `check`, and the import is all or nothing (the number of
# records is unchanged, or grew by exactly the file's rows).  The map
# starts at the shipped 64 MiB, so some kills land while it grows.  Then
# the same for imports of three files in one command: each file whole or
# not at all.
source "$(dirname "$0")/stress.inc"

rounds=$(s_pick 4 25)
rows=20000
gen=$DIENHINH_ROOT/build/tests/helper_bench
cp "$DIENHINH_ROOT/conf/dienhinh.ini" "$T_DIR/dienhinh.ini"
export T_CONFIG=$T_DIR/dienhinh.ini
t_init_db

# make_file TAG: $T_DIR/TAG-001.csv, $rows records whose names all carry TAG.
make_file() { "$gen" csv "$T_CONFIG" "$rows" "$rows" "$T_DIR/$1" "$1" >/dev/null; }
count() { dh list --format tsv | tail -n +2 | wc -l; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# A first import, whole: it shows the import works and how long one takes.
make_file k0
t0=$(now_ms)
dh import exemplars "$T_DIR/k0-001.csv" >/dev/null 2>&1
t_report $? "a first import of $rows rows, not interrupted, succeeds"
took=$(($(now_ms) - t0))
t_eq "it added $rows records" "$(count)" "$rows"

# running PID: the process has not ended (a zombie, not yet waited for, has).
running() {
	local st
	st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	st=${st##*) }
	[ "${st%% *}" != Z ]
}

# killed_import TAG FILE...: one round: the import of the files in the
# background, killed at a moment spread over 0-150% of the time the latest
# whole import took (the file reading, the checks, the writing and the
# commit), one slice a round (round $r of $rounds), so that kills land in
# every phase and some imports end first.  Imports slow down as the
# database grows: the time is measured again whenever one ends before its
# kill.  Counts kills, odd exits and failed checks; its output is in
# $T_DIR/out.TAG.
killed_import() {
	local tag=$1 delay start ended pid rc out
	shift
	delay=$(( ((r - 1) * 32768 + RANDOM) * latest * 3 / 2 / rounds / 32768 ))
	# The program itself in the background, not dh (a function: $! would be
	# the subshell running it, and the kill would miss the import).
	start=$(now_ms)
	"$DIENHINH_BIN" --config "$T_CONFIG" --db "$T_DIR/db" import exemplars "$@" \
		>"$T_DIR/out.$tag" 2>&1 &
	pid=$!
	while running "$pid" && [ "$(now_ms)" -lt $((start + delay)) ]; do sleep 0.005; done
	ended=$(now_ms)
	running "$pid" && kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	rc=$?
	[ "$rc" -eq 0 ] && latest=$((ended - start))
	# Killed (137), or finished before the kill (0): nothing else.
	if [ "$rc" -ne 137 ] && [ "$rc" -ne 0 ]; then
		odd_exits=$((odd_exits + 1))
		echo "# round $tag: exit $rc: $(head -c 300 "$T_DIR/out.$tag")"
	fi
	out=$(dh check 2>&1) || { bad_checks=$((bad_checks + 1)); echo "# round $tag: $out"; }
}

kills=0 whole=0 none=0 half=0 bad_checks=0 odd_exits=0 latest=$took
for ((r = 1; r <= rounds; r++)); do
	make_file "k$r"
	before=$(count)
	killed_import "$r" "$T_DIR/k$r-001.csv"
	after=$(count)
	if [ "$after" -eq "$before" ]; then
		none=$((none + 1))
	elif [ "$after" -eq $((before + rows)) ]; then
		whole=$((whole + 1))
	else
		half=$((half + 1)); echo "# round $r: $before records before, $after after"
	fi
done
total=$(count)
s_tried "$rounds imports of $rows rows killed with SIGKILL at moments spread over 150% of" \
	"the time a whole import took (first $took ms, latest $latest ms): $kills kills landed," \
	"$whole imports were whole, $none left nothing; $total records kept"

t_eq "every import ended by our kill or finished, none failed" "$odd_exits" "0"
t_eq "dienhinh check passed after each of the $rounds rounds" "$bad_checks" "0"
t_eq "every import left all ($whole) or nothing ($none), never a part" "$half" "0"
t_ok "some kills landed while an import was running" test "$kills" -gt 0
s_check_db "the database reopens sound after all rounds"
s_recount_matches 2024
t_report $? "the quota table equals a recount of the listed records"
make_file after
dh import exemplars "$T_DIR/after-001.csv" >/dev/null 2>&1
t_report $? "the database still takes a whole import"
t_eq "exactly $rows more" "$(count)" "$((total + rows))"

# ---- several files in one command ----------------------------------------------------
# The same kills during an import of three files, each read while the one
# before is written: each file is all or nothing, in the order given, so the
# register grows by a whole number of files, never a part of one.
rounds=$(s_pick 3 12)
part=$((rows / 2))
files() { "$gen" csv "$T_CONFIG" $((3 * part)) "$part" "$T_DIR/$1" "$1" >/dev/null; }
files m0
before=$(count)
t0=$(now_ms)
dh import exemplars "$T_DIR"/m0-00[123].csv >/dev/null 2>&1
t_report $? "a first import of three files of $part rows, not interrupted, succeeds"
latest=$(($(now_ms) - t0))
took=$latest
t_eq "it added the three files" "$(count)" "$((before + 3 * part))"
kills=0 bad_checks=0 odd_exits=0 half=0 untold=0
declare -A grew=()
for ((r = 1; r <= rounds; r++)); do
	files "m$r"
	before=$(count)
	killed_import "m$r" "$T_DIR/m$r-001.csv" "$T_DIR/m$r-002.csv" "$T_DIR/m$r-003.csv"
	added=$(($(count) - before))
	if [ $((added % part)) -ne 0 ] || [ "$added" -gt $((3 * part)) ]; then
		half=$((half + 1)); echo "# round m$r: $added records added"
	else
		grew[$((added / part))]=$((${grew[$((added / part))]:-0} + 1))
	fi
	# What it said before the kill is what went in (a kill can fall between
	# a file's commit and its line, never the other way round).
	said=$(grep -c "^Đã nhập $part gương" "$T_DIR/out.m$r")
	if [ $((added / part - said)) -ne 0 ] && [ $((added / part - said)) -ne 1 ]; then
		untold=$((untold + 1)); echo "# round m$r: said $said files, $added records added"
	fi
done
s_tried "$rounds imports of three files of $part rows killed with SIGKILL over 150% of the" \
	"time a whole one took (first $took ms, latest $latest ms): $kills kills landed; files" \
	"in when it stopped: 0 in ${grew[0]:-0} rounds, 1 in ${grew[1]:-0}, 2 in ${grew[2]:-0}," \
	"all 3 in ${grew[3]:-0}"
t_eq "every import of three files ended by our kill or finished" "$odd_exits" "0"
t_eq "dienhinh check passed after each of those rounds" "$bad_checks" "0"
t_eq "each file went in whole or not at all, never a part of one" "$half" "0"
t_eq "the lines printed before each kill name the files that went in" "$untold" "0"
s_check_db "the database reopens sound after the rounds of three files"
