#!/usr/bin/env bash
# Backup and restore: a backup taken while another process keeps adding
# records passes check; restoring it gives the same export as the copy;
# the safety copy; a newer schema refused with nothing changed; who may.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/data_common.bash"
data_bin || exit 1
TAMPER=$DIENHINH_ROOT/build/tests/helper_data_tamper
[ -x "$TAMPER" ] || make -s -C "$DIENHINH_ROOT" build/tests/helper_data_tamper >/dev/null 2>&1
on() { local db=$1; shift; T_DB=$db dh "$@"; } # on DB ARGS...: the program on database DB
count() { on "$1" list --format tsv | tail -n +2 | wc -l; }

dh init --demo >/dev/null
before=$(count "$T_DIR/db")

# A colleague keeps adding records, until told to stop, while the backups are taken.
writer() {
	local i=0
	while [ ! -e "$T_DIR/stop-$1" ]; do
		i=$((i + 1))
		dh add --unit kinhte --type individual --category good_deeds \
			--name "Người thứ $1$i" --date 2025-10-$(printf %02d $((i % 28 + 1))) \
			>/dev/null 2>&1
	done
}
# more_than N: wait until the live database holds more than N records.
holds_more() { [ "$(count "$T_DIR/db")" -gt "$1" ]; }
more_than() { t_until holds_more "$1"; }
writer a & wpid=$!
more_than $((before + 10))
dh backup "$T_DIR/bk1" >/dev/null
t_report $? "a backup while another process adds records"
more_than "$(count "$T_DIR/bk1")"
out=$(dh backup "$T_DIR/bk2")
t_report $? "a second one, still while adding"
t_contains "it says where the copy is" "$out" "Đã sao lưu cơ sở dữ liệu vào $T_DIR/bk2"
n1=$(count "$T_DIR/bk1") n2=$(count "$T_DIR/bk2")
more_than "$n2"
touch "$T_DIR/stop-a"
wait $wpid
after=$(count "$T_DIR/db")
[ "$n1" -gt "$before" ] && [ "$n2" -gt "$n1" ] && [ "$after" -gt "$n2" ]
t_report $? "the writer added before, between and after the backups ($before < $n1 < $n2 < $after)"
t_ok "the first copy passes check" on "$T_DIR/bk1" check
t_ok "the second copy passes check" on "$T_DIR/bk2" check
[ "$(stat -c %s "$T_DIR/bk2/data.mdb")" -le "$(stat -c %s "$T_DIR/db/data.mdb")" ]
t_report $? "the copy is compacted: no larger than the database"
t_fails 1 "a backup into a directory that holds one is refused" dh backup "$T_DIR/bk1"

# ---- restore ---------------------------------------------------------------------------
on "$T_DIR/bk1" export -o "$T_DIR/copy.csv" >/dev/null
on "$T_DIR/db" export -o "$T_DIR/live.csv" >/dev/null
out=$(dh restore "$T_DIR/bk1")
t_report $? "restore the first backup"
t_contains "it says where the database as it was is kept" "$out" "được giữ lại ở $T_DIR/db/safety/"
dh export -o "$T_DIR/restored.csv" >/dev/null
cmp -s "$T_DIR/copy.csv" "$T_DIR/restored.csv"
t_report $? "the restored database exports the same as the copy"
t_ok "the restored database passes check" dh check
t_contains "the restore is in the log" "$(dh log --format tsv | tail -n 1)" "	restore	"
safety=$(echo "$out" | sed -n 's/.*được giữ lại ở \(.*\)\.$/\1/p')
t_ok "the safety copy passes check" on "$safety" check
on "$safety" export -o "$T_DIR/safety.csv" >/dev/null
cmp -s "$T_DIR/live.csv" "$T_DIR/safety.csv"
t_report $? "the safety copy holds the database as it was before the restore"
dh restore "$safety" >/dev/null
dh export -o "$T_DIR/back.csv" >/dev/null
cmp -s "$T_DIR/live.csv" "$T_DIR/back.csv"
t_report $? "restoring the safety copy undoes the restore"

# ---- refusals leave everything as it was ----------------------------------------------------
sum=$(dh export | md5sum)
cp -r "$T_DIR/bk2" "$T_DIR/newer"
"$TAMPER" "$T_DIR/newer" schema 99
err=$(dh restore "$T_DIR/newer" 2>&1)
t_eq "a backup of a newer schema is refused (exit 1)" "$?" 1
t_contains "... saying so" "$err" "phiên bản dienhinh mới hơn"
mkdir -p "$T_DIR/empty"
t_fails 1 "a directory without a database is refused" dh restore "$T_DIR/empty"
head -c 20000 /dev/urandom > "$T_DIR/empty/data.mdb"
t_fails 1 "a file that is not a database is refused" dh restore "$T_DIR/empty"
t_fails 1 "the database itself is refused" dh restore "$T_DIR/db"
t_eq "after the refusals the database is unchanged" "$(dh export | md5sum)" "$sum"
t_ok "... and sound" dh check

sed 's/^\[roles\]/[roles]\nxem = viewer\ncanbo = kinhte/' "$DIENHINH_ROOT/conf/dienhinh.ini" \
	> "$T_DIR/roles.ini"
err=$(DIENHINH_USER=xem T_CONFIG=$T_DIR/roles.ini dh backup "$T_DIR/bk-viewer" 2>&1)
t_eq "a viewer cannot take a backup (exit 1)" "$?" 1
t_contains "... and is told why" "$err" "Phòng Nội vụ"
t_fails 1 "unit staff cannot restore" env DIENHINH_USER=canbo T_CONFIG="$T_DIR/roles.ini" \
	"$DIENHINH_BIN" --config "$T_DIR/roles.ini" --db "$T_DIR/db" restore "$T_DIR/bk1"
t_eq "... and nothing changed" "$(dh export | md5sum)" "$sum"

# ---- restore while another process writes ---------------------------------------------------
on "$T_DIR/bk2" export --format csv | tail -n +2 | sort > "$T_DIR/bk2.rows"
start=$(count "$T_DIR/db")
writer b & wpid=$!
more_than "$start"
dh restore "$T_DIR/bk2" >/dev/null
rc=$?
more_than "$n2"
touch "$T_DIR/stop-b"
wait $wpid
t_report $rc "a restore while another process adds records"
t_ok "... leaves a database that passes check" dh check
dh export | tail -n +2 | sort > "$T_DIR/live.rows"
t_eq "... holding every record of the backup" \
	"$(comm -23 "$T_DIR/bk2.rows" "$T_DIR/live.rows" | wc -l)" 0
t_eq "... and the writer's later records, none of those it added before" \
	"$(comm -13 "$T_DIR/bk2.rows" "$T_DIR/live.rows" | grep -c 'Người thứ a')" 0
