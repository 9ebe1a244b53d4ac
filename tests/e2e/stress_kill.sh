#!/usr/bin/env bash
# kill -9 at random moments while several processes add exemplars, round
# after round: the database reopens and passes `check` every time, no add
# that announced its id is lost, and a batch (one transaction) is all or
# nothing.  The map starts at 1 MiB, so some kills land while it grows.
source "$(dirname "$0")/stress.inc"

rounds=$(s_pick 6 60)
batch=25
s_config "$T_DIR/dienhinh.ini" 1
export T_CONFIG=$T_DIR/dienhinh.ini
t_init_db

# cli_writer TAG OUT PIDFILE: adds through the command line, one process
# each, until the stop file appears; PIDFILE names the add running now, for
# the killer.  The loop itself is not killed, so no add outlives the round.
cli_writer() {
	local i=0 id
	while [ ! -e "$T_DIR/stop" ]; do
		# The program itself, not dh: $! of a function run in the background
		# is the subshell running it, and the kill would leave the add running.
		"$DIENHINH_BIN" --config "$T_CONFIG" --db "$T_DIR/db" add --unit phuong3 \
			--type individual --category good_deeds --name "Lê Văn Bình $1 $i" \
			--date 2024-03-0$((i % 9 + 1)) > "$T_DIR/cli.out" 2>/dev/null &
		echo $! > "$3"
		wait $! && read -r id < "$T_DIR/cli.out" && echo "ok $id" >> "$2"
		i=$((i + 1))
	done
}

# tagged TAG: how many records have TAG as the second-to-last word of their name.
tagged() { dh list --format tsv | awk -F'\t' -v t="$1" 'NR > 1 {
	n = split($7, w, " "); if (w[n - 1] == t) c++ } END { print c + 0 }'; }

kills=0 claimed_all=0 lost_all=0 bad_checks=0 bad_batches=0 crashes=0
for ((r = 1; r <= rounds; r++)); do
	pids=()
	for w in a b c; do
		"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" 100000 "k${r}${w}" \
			> "$T_DIR/h$w.$r" 2> "$T_DIR/h$w.$r.err" & pids+=($!)
	done
	"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" 100000 "k${r}batch" "$batch" \
		> "$T_DIR/hb.$r" 2> "$T_DIR/hb.$r.err" & pids+=($!)
	rm -f "$T_DIR/stop"
	cli_writer "k${r}cli" "$T_DIR/cli.$r" "$T_DIR/cli.pid" &

	sleep "0.$((RANDOM % 6))$((RANDOM % 10))"
	# Kill in a random order, a few milliseconds apart.
	for p in $(printf '%s\n' "${pids[@]}" | shuf); do
		kill -9 "$p" 2>/dev/null && kills=$((kills + 1))
		sleep "0.00$((RANDOM % 10))"
	done
	touch "$T_DIR/stop"
	kill -9 "$(cat "$T_DIR/cli.pid" 2>/dev/null)" 2>/dev/null && kills=$((kills + 1))
	wait 2>/dev/null
	# A writer that died of anything but our SIGKILL said why.
	for f in "$T_DIR"/h?.$r.err; do [ -s "$f" ] && crashes=$((crashes + 1)); done

	out=$(dh check 2>&1) || { bad_checks=$((bad_checks + 1)); echo "# round $r: $out"; }
	s_claimed "$T_DIR"/h?."$r" "$T_DIR/cli.$r" > "$T_DIR/claimed.$r"
	claimed_all=$((claimed_all + $(wc -l < "$T_DIR/claimed.$r")))
	lost=$(s_lost "$T_DIR/claimed.$r" | wc -l)
	lost_all=$((lost_all + lost))
	if [ "$lost" -ne 0 ]; then
		echo "# round $r: lost $(s_lost "$T_DIR/claimed.$r" | head -n 5 | tr '\n' ' ')"
	fi
	nb=$(tagged "k${r}batch")
	if [ $((nb % batch)) -ne 0 ]; then
		bad_batches=$((bad_batches + 1)); echo "# round $r: batch writer left $nb records"
	fi
done
total=$(s_db_ids | wc -l)
s_tried "$rounds rounds of 3 writers adding one record per transaction, one adding" \
	"$batch per transaction and one adding through the command line, all killed" \
	"with SIGKILL at a random moment: $kills kills, $claimed_all adds announced," \
	"$total records kept; map started at 1 MiB"

t_eq "every writer was killed by us, none stopped on an error" "$crashes" "0"
t_eq "dienhinh check passed after each of the $rounds rounds" "$bad_checks" "0"
t_eq "no announced add was lost ($claimed_all announced)" "$lost_all" "0"
t_eq "every killed batch left all or nothing (multiples of $batch)" "$bad_batches" "0"
t_eq "ids are unique" "$(s_db_ids | uniq -d | wc -l)" "0"
t_ok "the kills happened while adds were running (records were added)" test "$total" -gt 0
s_check_db "the database reopens sound after all rounds"
s_recount_matches 2024
t_report $? "the quota table equals a recount of the listed records"
out=$("$S_HELPER" add "$T_CONFIG" "$T_DIR/db" 20 after 2>&1)
t_report $? "the database still takes new records"
t_eq "exactly those 20 more" "$(s_db_ids | wc -l)" "$((total + 20))"
