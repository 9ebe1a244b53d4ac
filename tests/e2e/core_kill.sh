#!/usr/bin/env bash
# kill -9 at random moments, 20 times, while `add` runs in a loop: after each
# kill the database opens, every id that was printed is there, `check`
# passes, and the quota counters equal a recount made here from the list.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10
CONF=$DIENHINH_ROOT/conf/dienhinh.ini
t_init_db
ids=$T_DIR/ids
: >"$ids"

# The writer: adds for three units over the four quarters of 2024; every third
# one is returned at once, so that the counters by status move as well.  The
# program's stdout goes straight to the file: an id is there if and only if
# the program printed it.
cat >"$T_DIR/writer.sh" <<'EOF'
bin=$1 conf=$2 db=$3 tag=$4 ids=$5
units=(phuong1 phuong2 congan)
for ((i = 1; ; i++)); do
	date=$(printf '2024-%02d-%02d' $((i % 12 + 1)) $((i % 28 + 1)))
	"$bin" --config "$conf" --db "$db" add --unit "${units[i % 3]}" --type individual \
		--category official --name "Gương $tag số $i" --date "$date" >>"$ids" 2>/dev/null
	if ((i % 3 == 0)); then
		last=$(tail -n 1 "$ids")
		[ -n "$last" ] && "$bin" --config "$conf" --db "$db" review "$last" return \
			--reason "Thiếu ảnh" >/dev/null 2>&1
	fi
done
EOF

# recount: "quarter unit counted" from the list, returned exemplars left out.
recount() {
	dh list --year 2024 --format tsv | awk -F'\t' 'NR > 1 && $6 != "returned" {
		n[int((substr($2, 6, 2) + 2) / 3) " " $3]++ }
		END { for (k in n) print k, n[k] }' | sort
}
# counters: the same from `quota`, units with nothing left out.
counters() {
	dh quota --year 2024 --format tsv | awk -F'\t' 'NR > 1 && $5 > 0 { print $2, $3, $5 }' |
		sort
}

kills=20
for ((k = 1; k <= kills; k++)); do
	setsid bash "$T_DIR/writer.sh" "$DIENHINH_BIN" "$CONF" "$T_DIR/db" "A$k" "$ids" &
	a=$!
	setsid bash "$T_DIR/writer.sh" "$DIENHINH_BIN" "$CONF" "$T_DIR/db" "B$k" "$ids" &
	b=$!
	ms=$((RANDOM % 250 + 30))
	sleep "0.$(printf %03d "$ms")"
	kill -9 -- -"$a" -"$b" 2>/dev/null
	wait "$a" "$b" 2>/dev/null

	what="kill $k after $ms ms ($(wc -l <"$ids") ids so far)"
	list=$(dh list --format tsv 2>"$T_DIR/err"); st=$?
	if [ "$st" -ne 0 ]; then
		t_report 1 "$what: the database opens"
		sed 's/^/#   /' "$T_DIR/err"
		continue
	fi
	missing=$(cut -f 1 <<<"$list" | sort | comm -13 - <(sort -u "$ids") | head -n 5)
	out=$(dh check 2>&1); st=$?
	rec=$(recount) cnt=$(counters)
	if [ -z "$missing" ] && [ "$st" -eq 0 ] && [ "$rec" == "$cnt" ]; then
		t_report 0 "$what: opens, every printed id listed, check passes, counters = recount"
		continue
	fi
	t_report 1 "$what: opens, every printed id listed, check passes, counters = recount"
	[ -z "$missing" ] || echo "#   printed but not listed: $missing"
	[ "$st" -eq 0 ] || sed 's/^/#   check: /' <<<"$out"
	[ "$rec" == "$cnt" ] || diff <(echo "$cnt") <(echo "$rec") | sed 's/^/#   /'
done

n=$(sort -u "$ids" | wc -l)
echo "# $n adds, $(dh list --status returned --format tsv | tail -n +2 | wc -l) returned"
[ "$n" -ge 20 ]; t_report $? "the writers got work done between kills ($n adds)"
t_eq "no id was given twice" "$(sort "$ids" | uniq -d)" ""
t_eq "ids are numbers, one per line (no torn output)" "$(grep -v -x '[0-9][0-9]*' "$ids")" ""
t_eq "returned exemplars are among them" \
	"$(dh list --status returned --format tsv | tail -n +2 | head -n 1 | cut -f 6)" "returned"
out=$(dh check 2>&1); st=$?
t_eq "finally: check passes" "$st" 0
t_eq "finally: counters equal the recount" "$(counters)" "$(recount)"
