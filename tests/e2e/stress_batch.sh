#!/usr/bin/env bash
# Batches (one transaction for many records) keep the ids their records
# carry when free, never hand one id to two records, and stay whole when
# run again after the map grew under them.
source "$(dirname "$0")/stress.inc"

s_config "$T_DIR/dienhinh.ini" 1
export T_CONFIG=$T_DIR/dienhinh.ini
t_init_db

ids() { "$S_HELPER" add-ids "$T_CONFIG" "$T_DIR/db" "$@" 2>&1 | sed 's/^ok //' | tr '\n' ' '; }
# New, kept 3, new, new, new: the new ones go around the kept one.
t_eq "batch [new 3 new new new] on an empty database" "$(ids 0 3 0 0 0)" "1 3 4 5 6 "
t_eq "batch [2 9 new]: free ids kept, the new one above them" "$(ids 2 9 0)" "2 9 10 "
t_eq "batch [3 new]: a taken id is replaced by a new one" "$(ids 3 0)" "11 12 "
t_eq "ten records, no id twice" "$(s_db_ids | tr '\n' ' ')" "1 10 11 12 2 3 4 5 6 9 "
s_check_db "dienhinh check passes"

# Two writers on a 1 MiB map: the batch is run again each time the map
# grows, while the other writer takes ids in between.
rounds=$(s_pick 3 20)
n=1500
bad=0
for ((r = 1; r <= rounds; r++)); do
	"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" "$n" "b${r}one" > "$T_DIR/one.$r" 2>&1 &
	"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" "$n" "b${r}many" 25 > "$T_DIR/many.$r" 2>&1 &
	wait
	dh check >/dev/null 2>&1 || bad=$((bad + 1))
done
s_claimed "$T_DIR"/one.* "$T_DIR"/many.* > "$T_DIR/claimed"
s_tried "$rounds rounds of $n adds one per transaction against $n in batches of 25," \
	"from a 1 MiB map; data file now $(( $(stat -c %s "$T_DIR/db/data.mdb") >> 20 )) MiB"
t_eq "every add of every round was announced" "$(wc -l < "$T_DIR/claimed")" "$((rounds * n * 2))"
t_eq "no id was announced twice" "$(uniq -d "$T_DIR/claimed" | wc -l)" "0"
t_eq "dienhinh check passed after every round" "$bad" "0"
t_eq "the database holds them all" "$(s_db_ids | wc -l)" "$((rounds * n * 2 + 10))"
