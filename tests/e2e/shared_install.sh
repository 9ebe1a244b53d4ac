#!/usr/bin/env bash
# The shared-server install: as root, install setgid into a throwaway prefix,
# create two throwaway accounts, and prove that staff reach the database only
# through the program and only as their role allows.
source "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null; then
	T_N=$((T_N + 1)); echo "ok $T_N # SKIP needs root to create accounts and a group"
	exit 0
fi

tag=dh$$
grp=${tag}g userA=${tag}a userB=${tag}b userC=${tag}c
# A prefix on the repository's file system (setgid must not be ignored by a
# nosuid /tmp), reachable by the throwaway accounts.
P=$DIENHINH_ROOT/build/shared-$tag
T_CLEANUP+=("userdel $userA 2>/dev/null; userdel $userB 2>/dev/null; userdel $userC 2>/dev/null; groupdel $grp 2>/dev/null; rm -rf '$P'")
mkdir -p "$P/src" && chmod 755 "$P" "$P/src"
cp -r "$DIENHINH_ROOT"/{Makefile,src,include,conf,docs,.ci} "$P/src/"
useradd -M -N -s /bin/sh "$userA" && useradd -M -N -s /bin/sh "$userB" &&
	useradd -M -N -s /bin/sh "$userC"

make -s -C "$P/src" install-shared PREFIX="$P" SYSCONFDIR="$P/etc" STATEDIR="$P/var" \
	GROUP="$grp" >"$T_DIR/install.log" 2>&1
t_report $? "make install-shared into a temporary prefix"

bin=$P/bin/dienhinh ini=$P/etc/dienhinh/dienhinh.ini db=$P/var/dienhinh
t_eq "program is root:$grp, mode 2755" "$(stat -c '%U:%G %a' "$bin")" "root:$grp 2755"
t_eq "database directory is root:$grp, mode 2770" "$(stat -c '%U:%G %a' "$db")" "root:$grp 2770"
t_eq "no shared object is installed" "$(find "$P" -path "$P/src" -prune -o -name '*.so*' -print | wc -l)" 0

sed -i "s/^\[roles\]/[roles]\n$userA = phuong1\n$userC = office/" "$ini"
"$bin" init >/dev/null 2>&1
t_report $? "root initialises the database through the installed program"
t_eq "database files belong to the group" "$(stat -c '%G' "$db/data.mdb")" "$grp"

as() { local u=$1; shift; runuser -u "$u" -- "$@"; }
t_refused "user A cannot read data.mdb directly" as "$userA" cat "$db/data.mdb"
t_refused "user A cannot list the database directory" as "$userA" ls "$db"
t_refused "user A cannot write data.mdb directly" as "$userA" sh -c "echo x >> '$db/data.mdb'"

out=$(cd / && as "$userA" "$bin" add --unit phuong1 --type individual \
	--category good_deeds --name "Nguyễn Thị Hồng" --date 2024-05-02 2>&1)
t_report $? "user A adds an exemplar for Phường 1 through the program"
id=$out
t_eq "it is recorded under user A's account" \
	"$("$bin" show "$id" --format tsv | awk -F'\t' '$1 == "created_by" { print $2 }')" "$userA"

out=$(cd / && as "$userA" "$bin" add --unit phuong2 --type individual --category good_deeds \
	--name "Lê Văn Bình" --date 2024-05-02 2>&1)
t_report $(( $? == 1 ? 0 : 1 )) "user A cannot add one for Phường 2 (exit 1)"
t_contains "the refusal names the rule" "$out" "phuong1"
home=$P/home-a; mkdir -p "$home" && chown "$userA" "$home"
( cd "$home" && as "$userA" "$bin" report quarter --year 2024 --quarter 2 --format csv \
	-o "$home/q2.csv" ) >/dev/null 2>&1
t_report $? "user A writes a report into a directory of their own"
t_eq "the report file is theirs, not the program's group's" \
	"$(stat -c '%U:%G' "$home/q2.csv" 2>&1)" "$userA:$(id -gn "$userA")"
t_fails 1 "user B, who has no role, is refused" as "$userB" "$bin" list

# An import reads the file with the person's own rights, never the group's:
# an office account can import its own file, but not the database nor
# another account's private file through the program, and the refusal
# shows nothing of what they hold.
homeC=$P/home-c homeB=$P/home-b
mkdir -p "$homeC" "$homeB" && chown "$userC" "$homeC" && chown "$userB" "$homeB"
chmod 755 "$homeB"
printf 'unit,type,category,name,date\nphuong1,individual,good_deeds,Bí Mật Riêng,2024-05-03\n' \
	> "$homeB/secret.csv"
chown "$userB" "$homeB/secret.csv" && chmod 600 "$homeB/secret.csv"
cp "$homeB/secret.csv" "$homeC/own.csv" && chown "$userC" "$homeC/own.csv" &&
	chmod 600 "$homeC/own.csv"
out=$(cd / && as "$userC" "$bin" import exemplars "$db/data.mdb" 2>&1)
t_report $(( $? == 0 ? 1 : 0 )) "an office account cannot import the database file"
t_contains "it is refused as a file it may not open" "$out" "Không đủ quyền truy cập"
t_lacks "the refusal shows nothing of the database" "$out" "Hồng"
t_eq "one line, naming the file only" "$(printf '%s\n' "$out" | wc -l)" 1
out=$(cd / && as "$userC" "$bin" import exemplars "$homeB/secret.csv" 2>&1)
t_report $(( $? == 0 ? 1 : 0 )) "nor another account's 0600 file"
t_contains "refused as a file it may not open" "$out" "Không đủ quyền truy cập"
t_lacks "showing nothing of it" "$out" "Bí Mật"
out=$(cd / && as "$userC" "$bin" import exemplars --dry-run "$homeB/secret.csv" 2>&1)
t_lacks "not even in a dry run" "$out" "Bí Mật"
out=$(cd / && as "$userC" "$bin" import exemplars "$homeC/own.csv" 2>&1)
t_report $? "the office account imports its own 0600 file"
t_contains "... the record is in" "$("$bin" list --format tsv)" "Bí Mật Riêng"
t_contains "... under that account" "$("$bin" log --format tsv | tail -n 1)" "$userC	import"

printf '[dienhinh]\ndatabase = %s\n[roles]\n%s = office\n' "$T_DIR/evil" "$userA" > "$T_DIR/evil.ini"
chmod 644 "$T_DIR/evil.ini"; chmod 755 "$T_DIR"
t_fails 1 "user A cannot use --config" as "$userA" "$bin" --config "$T_DIR/evil.ini" list
t_fails 1 "user A cannot use --db" as "$userA" "$bin" --db "$T_DIR/evil" list
t_fails 1 "user A cannot use DIENHINH_CONFIG" \
	as "$userA" env DIENHINH_CONFIG="$T_DIR/evil.ini" "$bin" list
t_fails 1 "user A cannot act as root through DIENHINH_USER" \
	as "$userA" env DIENHINH_USER=root "$bin" list
t_eq "the database still holds exactly two exemplars (user A's, the import)" \
	"$("$bin" list --format tsv | tail -n +2 | wc -l)" "2"

# A hard link to the program in a directory the person controls, with a
# catalogue of theirs beside it: the privileged program does not take it
# (it uses the installed one), so nobody can forge its messages, or its
# format strings, with the group's rights.
trap_dir=$P/link
mkdir -p "$trap_dir/locale/vi/LC_MESSAGES" && chmod 755 "$trap_dir"
ln "$bin" "$trap_dir/dienhinh"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "There is no exemplar with number %%llu."\nmsgstr "FORGED %%llu"\n' \
	> "$T_DIR/own.po"
msgfmt -o "$trap_dir/locale/vi/LC_MESSAGES/dienhinh.mo" "$T_DIR/own.po"
t_eq "the link keeps the program setgid" "$(stat -c '%G %a' "$trap_dir/dienhinh")" "$grp 2755"
out=$(cd / && as "$userA" "$trap_dir/dienhinh" show 999 2>&1)
t_lacks "the catalogue beside the link is not used" "$out" "FORGED"
t_contains "the installed one is" "$out" "Không có hồ sơ số 999."
