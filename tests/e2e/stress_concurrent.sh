#!/usr/bin/env bash
# Eight processes add exemplars at the same time, each in its own
# transactions, while two others keep listing: no record is lost or
# doubled, and the per-quarter counters equal a recount of the records.
source "$(dirname "$0")/stress.inc"

writers=8
n=500
rounds=$(s_pick 1 3)
cli_adds=$(s_pick 0 40)  # per writer and round: one process per add, as people do
s_config "$T_DIR/dienhinh.ini" 4
export T_CONFIG=$T_DIR/dienhinh.ini
t_init_db

# reader OUT: list again and again until the stop file appears; one line per
# listing: its exit status and how many records it showed.
reader() {
	while [ ! -e "$T_DIR/stop" ]; do
		local c
		c=$(dh list --format tsv 2>>"$1.err" | tail -n +2 | wc -l)
		echo "${PIPESTATUS[0]} $c" >> "$1"
	done
}

# cli_writer TAG K OUT: K adds through the command line, announcing each id.
cli_writer() {
	for ((i = 0; i < $2; i++)); do
		id=$(dh add --unit phuong2 --type individual --category good_deeds \
			--name "Trần Thị Ánh $1 $i" --date 2024-06-0$((i % 9 + 1)) \
			2>>"$3.err") &&
			echo "ok $id" >> "$3"
	done
}

for ((r = 1; r <= rounds; r++)); do
	before=$(dh list --format tsv | tail -n +2 | wc -l)
	rm -f "$T_DIR/stop"
	reader "$T_DIR/read1.$r" & rd1=$!
	reader "$T_DIR/read2.$r" & rd2=$!
	pids=()
	start=$EPOCHREALTIME
	for ((w = 1; w <= writers; w++)); do
		"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" "$n" "r${r}w${w}x" \
			> "$T_DIR/w$w.$r" 2> "$T_DIR/w$w.$r.err" & pids+=($!)
		if [ "$cli_adds" -gt 0 ]; then
			cli_writer "r${r}c${w}x" "$cli_adds" "$T_DIR/c$w.$r" & pids+=($!)
		fi
	done
	failed=0
	for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
	secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
	touch "$T_DIR/stop"; wait "$rd1" "$rd2"
	want=$((writers * (n + cli_adds)))
	s_tried "round $r: $writers writers x $n adds + $writers x $cli_adds command-line adds," \
		"2 readers listing; ${secs}s; readers listed" \
		"$(cat "$T_DIR"/read[12].$r | wc -l) times"

	t_eq "round $r: every writer finished without an error" "$failed" "0"
	errors=$(cat "$T_DIR"/[wc]*."$r".err)
	t_eq "round $r: no add was refused" "$errors" ""
	s_claimed "$T_DIR"/[wc]*."$r" > "$T_DIR/claimed.$r"
	t_eq "round $r: writers announced $want saves" "$(wc -l < "$T_DIR/claimed.$r")" "$want"
	t_eq "round $r: no id given twice" "$(uniq -d "$T_DIR/claimed.$r" | wc -l)" "0"
	after=$(dh list --format tsv | tail -n +2 | wc -l)
	t_eq "round $r: exactly $want new records" "$((after - before))" "$want"
	t_eq "round $r: every announced id is in the database" \
		"$(s_lost "$T_DIR/claimed.$r" | wc -l)" "0"
	bad=$(cat "$T_DIR"/read[12].$r | awk '$1 != 0' | wc -l)
	t_eq "round $r: every listing during the writes succeeded" "$bad" "0"
	# Each reader sees a snapshot: its counts never go down and stay within the round.
	mono=0
	for f in "$T_DIR"/read[12].$r; do
		awk -v lo="$before" -v hi="$after" '$2 < prev || $2 < lo || $2 > hi { bad = 1 }
			{ prev = $2 } END { exit bad }' "$f" || mono=1
	done
	t_eq "round $r: readers saw counts only grow, within [$before, $after]" "$mono" "0"
	s_check_db "round $r: dienhinh check passes (counters equal a recount)"
	s_recount_matches 2024
	t_report $? "round $r: the quota table equals a recount of the listed records"
	if [ -s "$T_DIR/recount.diff" ]; then head -n 10 "$T_DIR/recount.diff" | sed 's/^/#   /'; fi
done
