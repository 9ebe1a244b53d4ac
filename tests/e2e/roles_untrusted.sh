#!/usr/bin/env bash
# A record put straight into the database, holding terminal controls in its
# text: list, show and log never write the raw bytes, and the other fields
# on the line stay intact.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10
RAWPUT=$DIENHINH_ROOT/build/tests/helper_rawput
t_init_db
[ -x "$RAWPUT" ]; t_report $? "the helper that writes past the register is built"

dh add --unit phuong1 --type individual --category official --name "Lê Văn Bình" \
	--date 2024-08-01 >/dev/null
# ESC ] 0 ; x BEL (set the window title), CR, BS, U+009B (C1 CSI), U+202E (RLO).
evil=$'\e]0;x\a'
name="Nguyễn${evil}A"$'\rB\bC\xc2\x9bD\xe2\x80\xaeE'
shown=$'Nguyễn^[]0;x^GA^MB^HC\xef\xbf\xbdD\xef\xbf\xbdE'
id=$("$RAWPUT" "$T_DIR/db" phuong1 2024-08-02 "$name" \
	"position=Tổ trưởng${evil}" "workplace=Ấp 3"$'\r'"xã Vĩnh Quới" \
	"movement=Dân vận"$'\b\b'"khéo" "achievements=Dòng 1"$'\n\xe2\x80\xae'"Dòng 2" \
	"status_reason="$'\xc2\x9b'"2J" "user=k${evil}" version=2)
t_eq "the record went in past the register" "$id" 2

# raw NAME TEXT: passes when TEXT holds none of the raw bytes.
raw() {
	local n
	n=$(printf '%s' "$2" | LC_ALL=C grep -c -P '\x1b|\r|\x08|\x07|\xc2\x9b|\xe2\x80\xae')
	t_eq "$1: no ESC, CR, BS, BEL, U+009B or U+202E in the output" "$n" 0
	if [ "$n" -ne 0 ]; then printf '%s' "$2" | od -c | head -n 5 | sed 's/^/#   /'; fi
}

# ---- list -----------------------------------------------------------------------------
out=$(dh list --format tsv); st=$?
t_eq "list --format tsv exits 0" "$st" 0
raw "list --format tsv" "$out"
t_eq "list --format tsv: one line per record" "$(wc -l <<<"$out")" 3
# The last column: the helper's record is no late entry, the office's add
# after quarter III/2024 closed is.
t_eq "list --format tsv: the line's other fields intact, the name made visible" \
	"$(grep -P "^$id\t" <<<"$out")" \
	"$id"$'\t2024-08-02\tphuong1\tindividual\tofficial\tintroduced\t'"$shown"$'\t'
t_eq "list --format tsv: the neighbour untouched" "$(sed -n 2p <<<"$out")" \
	$'1\t2024-08-01\tphuong1\tindividual\tofficial\tintroduced\tLê Văn Bình\tyes'
out=$(dh list --width 200); st=$?
t_eq "list exits 0" "$st" 0
raw "list" "$out"
t_eq "list: header, rule and one line per record" "$(wc -l <<<"$out")" 4
line=$(grep "^$id " <<<"$out")
t_contains "list: the date is intact on the line" "$line" "02/08/2024"
t_contains "list: the unit is intact on the line" "$line" "phuong1"
t_contains "list: the name shown with placeholders" "$line" "$shown"
t_eq "list: the row is as wide as its neighbour up to the name" \
	"$(grep -bo "Nguyễn" <<<"$line" | cut -d : -f 1)" \
	"$(grep -bo "Lê Văn" <<<"$(grep '^1 ' <<<"$out")" | cut -d : -f 1)"

# ---- show -----------------------------------------------------------------------------
out=$(dh show "$id" --format tsv); st=$?
t_eq "show --format tsv exits 0" "$st" 0
raw "show --format tsv" "$out"
t_eq "show --format tsv: two fields on every line" \
	"$(awk -F'\t' 'NF != 2' <<<"$out")" ""
val() { awk -F'\t' -v f="$1" '$1 == f { print $2 }' <<<"$out"; }
t_eq "show: name" "$(val name)" "$shown"
t_eq "show: position" "$(val position)" "Tổ trưởng^[]0;x^G"
t_eq "show: workplace" "$(val workplace)" "Ấp 3^Mxã Vĩnh Quới"
t_eq "show: movement" "$(val movement)" "Dân vận^H^Hkhéo"
t_eq "show: achievements" "$(val achievements)" $'Dòng 1 \xef\xbf\xbdDòng 2'
t_eq "show: status_reason" "$(val status_reason)" $'\xef\xbf\xbd2J'
t_eq "show: created_by" "$(val created_by)" "k^[]0;x^G"
t_eq "show: the plain fields intact" "$(val id) $(val unit) $(val date) $(val status)" \
	"$id phuong1 2024-08-02 introduced"
out=$(dh show "$id"); st=$?
t_eq "show exits 0" "$st" 0
raw "show" "$out"
t_contains "show: the unit line intact" "$out" "phuong1"
t_contains "show: the date line intact" "$out" "02/08/2024"
t_eq "show as text: as many lines as the TSV, plus the rule" "$(wc -l <<<"$out")" \
	$(($(dh show "$id" --format tsv | wc -l) + 1))

# ---- log ------------------------------------------------------------------------------
out=$(dh log --format tsv); st=$?
t_eq "log --format tsv exits 0" "$st" 0
raw "log --format tsv" "$out"
t_eq "log --format tsv: nine fields on every line" "$(awk -F'\t' 'NF != 9' <<<"$out")" ""
t_eq "log: the name change shown with placeholders" \
	"$(awk -F'\t' -v r="$id" '$5 == r && $6 == "name" { print $3 "|" $7 "|" $8 }' <<<"$out")" \
	"k^[]0;x^G||$shown"
out=$(dh log --record "$id"); st=$?
t_eq "log exits 0" "$st" 0
raw "log" "$out"
t_eq "log as text: header, rule and a line per field" "$(wc -l <<<"$out")" \
	$(($(dh log --record "$id" --format tsv | wc -l) + 1))

# ---- messages quoting stored text ------------------------------------------------------
err=$(dh edit "$id" --version 1 --name "Lê Văn Tám" 2>&1 >/dev/null); st=$?
t_eq "an edit from an old version: refused (exit 1)" "$st" 1
raw "the conflict message naming who saved last" "$err"
t_contains "the conflict message names them visibly" "$err" "k^[]0;x^G"
out=$(dh check 2>&1); st=$?
t_eq "check passes (the record is whole, only its text is odd)" "$st" 0

# ---- what a person typed, echoed in a usage message ---------------------------------
# esc_count TEXT: how many ESC bytes TEXT holds (od shows every byte as hex).
esc_count() { printf '%s' "$1" | od -An -v -tx1 | tr -s ' ' '\n' | grep -c '^1b$'; }
clear=$(printf 'x\033[2J')
err=$(dh list --status "$clear" 2>&1 >/dev/null); st=$?
t_eq "list --status with ESC in its value: bad usage (exit 2)" "$st" 2
t_eq "... and no raw ESC on stderr" "$(esc_count "$err")" 0
t_contains "... the value is quoted visibly" "$err" 'x^[[2J'
err=$(dh "y$clear" 2>&1 >/dev/null); st=$?
t_eq "an unknown command holding ESC: bad usage (exit 2)" "$st" 2
t_eq "... and no raw ESC on stderr" "$(esc_count "$err")" 0
t_contains "... the command is quoted visibly" "$err" 'yx^[[2J'
err=$(dh list "--z$clear" 2>&1 >/dev/null); st=$?
t_eq "an unknown option of a command holding ESC: bad usage (exit 2)" "$st" 2
t_eq "... and no raw ESC on stderr" "$(esc_count "$err")" 0
t_contains "... the option is quoted visibly" "$err" '--zx^[[2J'
err=$("$DIENHINH_BIN" "--z$clear" list 2>&1 >/dev/null); st=$?
t_eq "an unknown option before the command: bad usage (exit 2), no raw ESC" \
	"$st $(esc_count "$err")" "2 0"
t_eq "the check itself counts an ESC where there is one" "$(esc_count "$clear")" 1
bad=$T_DIR/"a$clear.csv"
printf 'name,unit\nX,nosuch\n' > "$bad"
printf 'name\n' > "$T_DIR/b.csv"
err=$(dh import exemplars "$bad" "$T_DIR/b.csv" 2>&1 >/dev/null)
t_contains "an import stopped at a file: the file named visibly" "$err" 'ax^[[2J.csv: 1'
t_eq "... and no raw ESC on stderr" "$(esc_count "$err")" 0
