#!/usr/bin/env bash
# Databases the program must not trust: one written by a newer version,
# a data file cut short, an empty one, and random bytes in its place.
# Every command gives one clear message and exit status 1, nothing
# crashes (the sanitizer build included), and the file is left exactly
# as it was.
source "$(dirname "$0")/stress.inc"

s_config "$T_DIR/dienhinh.ini" 1
export T_CONFIG=$T_DIR/dienhinh.ini
t_init_db "$T_DIR/good"
"$S_HELPER" add "$T_CONFIG" "$T_DIR/good" 2000 dmg > /dev/null
good_size=$(stat -c %s "$T_DIR/good/data.mdb")

# make NAME: a copy of the good database in $T_DIR/NAME.
make_copy() { mkdir -p "$T_DIR/$1"; cp "$T_DIR/good/data.mdb" "$T_DIR/$1/"; }

make_copy newer
"$S_HELPER" set-schema "$T_DIR/newer" 99
make_copy half
truncate -s $((good_size / 2)) "$T_DIR/half/data.mdb"
make_copy header
truncate -s 100 "$T_DIR/header/data.mdb"
mkdir -p "$T_DIR/empty" && : > "$T_DIR/empty/data.mdb"
mkdir -p "$T_DIR/random" && head -c "$good_size" /dev/urandom > "$T_DIR/random/data.mdb"
mkdir -p "$T_DIR/random8k" && head -c 8192 /dev/urandom > "$T_DIR/random8k/data.mdb"

# Vietnamese from both builds (the sanitizer build shares build/locale).
newer_msg="được ghi bởi phiên bản dienhinh mới hơn"
damaged_msg="Tệp dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu dienhinh"
short_msg="bị cắt cụt nên đã hỏng"
empty_msg="rỗng: tệp đã hỏng"
commands=("list" "quota --year 2024" "show 1" "check" "init"
	  "add --unit phuong1 --type individual --category good_deeds --name Tám"\
" --date 2024-05-02")

# try DB MESSAGE: run every command on DB, with both builds.
try() {
	local db=$1 want sum bin cmd out rc bad=0 quiet=0 said=0 runs=0
	sum=$(sha256sum < "$T_DIR/$db/data.mdb")
	for bin in "$DIENHINH_BIN" "$DIENHINH_ASAN_BIN"; do
		want=$2
		for cmd in "${commands[@]}"; do
			# shellcheck disable=SC2086
			out=$("$bin" --config "$T_CONFIG" --db "$T_DIR/$db" $cmd 2>&1)
			rc=$?
			runs=$((runs + 1))
			if [ "$rc" -ne 1 ]; then
				bad=$((bad + 1)); echo "#   $db: $cmd: exit $rc: $out"
			fi
			[[ $out == *"$want"* ]] && said=$((said + 1))
			if ! s_sanitizer_quiet "$out"; then
				quiet=$((quiet + 1)); echo "#   $db: $cmd: $out" | head -n 5
			fi
		done
	done
	s_tried "$db: ${#commands[@]} commands, plain and sanitizer builds"
	t_eq "$db: every command exits 1, none crashes" "$bad" "0"
	t_eq "$db: every command says why" "$said" "$runs"
	t_eq "$db: no sanitizer report" "$quiet" "0"
	t_eq "$db: data.mdb is unchanged" "$(sha256sum < "$T_DIR/$db/data.mdb")" "$sum"
}

try newer "$newer_msg"
try half "$short_msg"
try header "$damaged_msg"
try empty "$empty_msg"
try random "$damaged_msg"
try random8k "$damaged_msg"

# Random bytes in the long run: many files, each a different size.
n=$(s_pick 0 200)
bad=0
for ((i = 0; i < n; i++)); do
	size=$(( (RANDOM * 32768 + RANDOM) % (1 << 20) + 1 ))
	head -c "$size" /dev/urandom > "$T_DIR/random/data.mdb"
	sum=$(sha256sum < "$T_DIR/random/data.mdb")
	out=$(dh --db "$T_DIR/random" list 2>&1)
	[ $? -eq 1 ] && [[ $out == *"$damaged_msg"* ]] &&
		[ "$(sha256sum < "$T_DIR/random/data.mdb")" = "$sum" ] || bad=$((bad + 1))
done
if [ "$n" -gt 0 ]; then
	s_tried "$n more data files of random bytes, of random sizes up to 1 MiB"
	t_eq "each one refused with the message, unchanged" "$bad" "0"
fi

# The good database, next to them, is untouched and sound.
T_DB=$T_DIR/good s_check_db "the good database still passes check"
