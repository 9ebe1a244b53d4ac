#!/usr/bin/env bash
# Map growth: a database created with a 1 MiB map grows by itself while
# records are added, one per transaction and in batches at the same time,
# while a third process keeps it open and reads, and command-line
# processes come and go: they follow the larger map (MDB_MAP_RESIZED)
# instead of failing, even when it grows between their opening the
# database and their first transaction.
source "$(dirname "$0")/stress.inc"

singles=$(s_pick 5000 100000)
batched=$(s_pick 5000 20000)
batch=25
mib=1048576
s_config "$T_DIR/dienhinh.ini" 1
export T_CONFIG=$T_DIR/dienhinh.ini
t_init_db

coproc SESSION { "$S_HELPER" session "$T_CONFIG" "$T_DIR/db" 2> "$T_DIR/session.err"; }
read -r -t 10 -u "${SESSION[0]}" word _ map0
t_eq "a session holds the database open with the 1 MiB map" "$word $map0" "open $mib"

start=$EPOCHREALTIME
"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" "$singles" grow1 \
	> "$T_DIR/single" 2> "$T_DIR/single.err" & w1=$!
"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" "$batched" grow2 "$batch" \
	> "$T_DIR/batch" 2> "$T_DIR/batch.err" & w2=$!

# Command-line readers, each opening the database anew, all the while.
cli_reader() {
	while kill -0 "$w1" 2>/dev/null || kill -0 "$w2" 2>/dev/null; do
		dh quota --year 2024 --format tsv > /dev/null 2>> "$T_DIR/cli.err"
		echo $? >> "$T_DIR/cli.rc"
	done
}
cli_reader & cr=$!

# While they write, the session reads every few tenths of a second; reading
# never grows the map, so a larger map in its answers is one it followed.
probes=0 last_count=0 shrank=0 session_ok=1
while kill -0 "$w1" 2>/dev/null || kill -0 "$w2" 2>/dev/null; do
	sleep 0.2
	echo read >&"${SESSION[1]}"
	read -r -t 30 -u "${SESSION[0]}" word count _ map || { session_ok=0; break; }
	[ "$word" = count ] || { session_ok=0; break; }
	[ "$count" -lt "$last_count" ] && shrank=1
	last_count=$count probes=$((probes + 1))
done
wait "$w1"; rc1=$?
wait "$w2"; rc2=$?
wait "$cr"
echo read >&"${SESSION[1]}"
read -r -t 30 -u "${SESSION[0]}" word count _ map_end
# Then it adds, in the map it now shares with the writers.
echo add >&"${SESSION[1]}"
read -r -t 30 -u "${SESSION[0]}" added _
exec {SESSION[1]}>&-
wait "$SESSION_PID" 2>/dev/null
secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
file=$(stat -c %s "$T_DIR/db/data.mdb")
want=$((singles + batched))
s_tried "from a 1 MiB map: $singles adds one per transaction and $batched in batches of" \
	"$batch at once, in ${secs}s, while a session opened before them read" \
	"$probes times and command-line quotas ran $(wc -l < "$T_DIR/cli.rc") times;" \
	"data file now $((file / mib)) MiB, the session's map $((map_end / mib)) MiB"

t_eq "the one-per-transaction writer finished" "$rc1" "0"
if [ "$rc1" -ne 0 ]; then sed 's/^/#   /' "$T_DIR/single.err"; fi
t_eq "the batch writer finished" "$rc2" "0"
if [ "$rc2" -ne 0 ]; then sed 's/^/#   /' "$T_DIR/batch.err"; fi
t_eq "the session answered every probe" "$session_ok" "1"
if [ "$session_ok" -ne 1 ]; then sed 's/^/#   /' "$T_DIR/session.err"; fi
t_eq "the session saw the count only grow" "$shrank" "0"
t_eq "every command-line quota run during the growth succeeded" \
	"$(grep -vc '^0$' "$T_DIR/cli.rc")" "0"
if [ -s "$T_DIR/cli.err" ]; then sort "$T_DIR/cli.err" | uniq -c | head -n 5 | sed 's/^/#   /'; fi
t_ok "the data file grew past the 1 MiB map" test "$file" -gt "$mib"
t_ok "the session, which only read, now maps more than 1 MiB" \
	test "${map_end:-0}" -gt "$mib"
t_eq "the session's last read counted every record" "$count" "$want"
t_eq "then the session added one" "$added" "ok"
s_claimed "$T_DIR/single" "$T_DIR/batch" > "$T_DIR/claimed"
t_eq "every add was announced" "$(wc -l < "$T_DIR/claimed")" "$((singles + batched))"
t_eq "exactly $((want + 1)) records in the database" "$(s_db_ids | wc -l)" "$((want + 1))"
t_eq "no id given twice" "$(s_db_ids | uniq -d | wc -l)" "0"
t_eq "every announced id is in the database" "$(s_lost "$T_DIR/claimed" | wc -l)" "0"
s_check_db "dienhinh check passes after the growth"
s_recount_matches 2024
t_report $? "the quota table equals a recount of the listed records"
