#!/usr/bin/env bash
# A full disk: adds fail with a clear message and exit status 1, nothing
# half-written is left (check passes, every announced record is there),
# and once there is room again the database takes new records.  Two ways
# to run out: a file-size limit (ulimit -f, SIGXFSZ ignored, as a quota
# would), which anyone can set, and a small tmpfs, which needs root.
source "$(dirname "$0")/stress.inc"

s_config "$T_DIR/dienhinh.ini" 1
export T_CONFIG=$T_DIR/dienhinh.ini
long_text=$(printf 'Giúp đỡ hộ nghèo xây nhà tình thương. %.0s' {1..15})
full_msg="Ổ đĩa đã đầy: chưa lưu được gì."

# fill TAG LIMIT_KB MAX: add through the command line until an add fails (at
# most MAX), under a file-size limit of LIMIT_KB when not empty.  Sets $added,
# $fail_rc, $fail_out and $fail_name.
fill() {
	local i id
	added=0 fail_rc=0 fail_out= fail_name=
	: > "$T_DIR/claimed.$1"
	for ((i = 0; i < $3; i++)); do
		fail_name="Huỳnh Văn Dũng $1 $i"
		id=$( [ -n "${2:-}" ] && { trap '' XFSZ; ulimit -f "$2"; }
			dh add --unit phuong1 --type individual --category good_deeds \
				--name "$fail_name" --date 2024-05-0$((i % 9 + 1)) \
				--achievements "$long_text" 2> "$T_DIR/err")
		fail_rc=$?
		if [ "$fail_rc" -ne 0 ]; then fail_out=$(cat "$T_DIR/err"); return; fi
		echo "ok $id" >> "$T_DIR/claimed.$1"
		added=$((added + 1))
	done
}

# has_name NAME: is there a record with exactly this name?
has_name() { dh list --format tsv | awk -F'\t' -v n="$1" '$7 == n { f = 1 } END { exit !f }'; }

# after_full TAG HOW: the checks once an add of fill TAG failed for want of room.
after_full() {
	local tag=$1; shift
	t_eq "$1: the add that found the disk full exited 1" "$fail_rc" "1"
	t_contains "$1: it says the disk is full" "$fail_out" "$full_msg"
	t_ok "$1: some adds succeeded before ($added)" test "$added" -gt 0
	s_check_db "$1: dienhinh check passes on the full disk"
	t_ok "$1: the adds announced their ids" test -s "$T_DIR/claimed.$tag"
	sed 's/^ok //' "$T_DIR/claimed.$tag" | sort > "$T_DIR/claimed.sorted"
	t_eq "$1: all $added announced records are there" \
		"$(comm -23 "$T_DIR/claimed.sorted" <(s_db_ids) | wc -l)" "0"
	has_name "$fail_name"
	t_report $(( $? == 0 )) "$1: the refused record was not half-written"
}

# ---- a file-size limit ------------------------------------------------------
t_init_db
size0=$(stat -c %s "$T_DIR/db/data.mdb")
limit_kb=$(( size0 / 1024 + 300 ))
fill limit "$limit_kb" 3000
s_tried "file-size limit ${limit_kb} KiB: $added adds, then: $fail_out"
after_full limit "file-size limit"
# A batch (one transaction) under the limit: all or nothing.
before=$(s_db_ids | wc -l)
out=$( trap '' XFSZ; ulimit -f "$limit_kb"
	"$S_HELPER" add "$T_CONFIG" "$T_DIR/db" 400 bigbatch 400 2>&1 )
t_report $(( $? == 0 )) "file-size limit: a batch of 400 is refused"
t_contains "file-size limit: the batch is refused for the full disk" "$out" "The disk is full"
t_eq "file-size limit: and left nothing behind" "$(s_db_ids | wc -l)" "$before"
fill limit_again "" 20
t_eq "file-size limit: without the limit, 20 more adds work" "$fail_rc $added" "0 20"
s_check_db "file-size limit: dienhinh check passes after space returned"

# ---- a small tmpfs -------------------------------------------------------------
mnt=$T_DIR/mnt
mkdir -p "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=512k,mode=0700 tmpfs "$mnt" 2>/dev/null; then
	T_N=$((T_N + 1))
	echo "ok $T_N # SKIP a tmpfs needs root (the file-size limit above covers a full disk)"
	exit 0
fi
T_CLEANUP+=("umount '$mnt' 2>/dev/null")
export T_DB=$mnt/db
t_init_db "$T_DB"
fill tmpfs "" 3000
s_tried "tmpfs of 512 KiB: $added adds, then: $fail_out"
after_full tmpfs "tmpfs"
out=$(dh list --format tsv 2>&1 | tail -n +2 | wc -l)
t_eq "tmpfs: the full database still lists its records" "$out" "$added"
mount -o remount,size=4m "$mnt"
fill tmpfs_again "" 20
t_eq "tmpfs: with more room, 20 more adds work" "$fail_rc $added" "0 20"
s_check_db "tmpfs: dienhinh check passes after space returned"
