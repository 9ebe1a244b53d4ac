#!/usr/bin/env bash
# Vietnamese text: NFD in, NFC out byte for byte; invalid UTF-8 and control
# characters refused with the field named and nothing written; search
# without diacritics; the Vietnamese order of people.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10
t_init_db

hex() { printf %s "$1" | od -An -tx1 | tr -s ' \n' ' '; }
count() { dh list --format tsv | tail -n +2 | wc -l; }
add() { # UNIT NAME [options]
	local unit=$1 name=$2; shift 2
	dh add --unit "$unit" --type individual --category official --name "$name" \
		--date 2024-08-01 "$@"
}

# ---- NFD in, NFC out -------------------------------------------------------------
# "Nguyễn Thị Hồng" decomposed: e + U+0302 + U+0303, i + U+0323, o + U+0302 + U+0300.
nfd=$'Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Ho\xcc\x82\xcc\x80ng'
nfc_hex=" 4e 67 75 79 e1 bb 85 6e 20 54 68 e1 bb 8b 20 48 e1 bb 93 6e 67 "
id=$(add phuong1 "$nfd" --position $'Pho\xcc\x81 tru\xcc\x9bo\xcc\x9b\xcc\x89ng kho\xcc\x81m')
t_eq "a decomposed name is accepted" "$id" 1
t_eq "list gives it precomposed, byte for byte" \
	"$(hex "$(dh list --format tsv | awk -F'\t' '$1 == 1 { print $7 }')")" "$nfc_hex"
t_eq "show gives it precomposed, byte for byte" \
	"$(hex "$(dh show 1 --format tsv | awk -F'\t' '$1 == "name" { print $2 }')")" "$nfc_hex"
t_eq "other fields are stored precomposed too (Phó trưởng khóm)" \
	"$(hex "$(dh show 1 --format tsv | awk -F'\t' '$1 == "position" { print $2 }')")" \
	" 50 68 c3 b3 20 74 72 c6 b0 e1 bb 9f 6e 67 20 6b 68 c3 b3 6d "
t_eq "the NFD and NFC spellings are the same person: a duplicate" \
	"$(add phuong1 "Nguyễn Thị Hồng" >/dev/null 2>&1; echo $?)" 1

# ---- refusals: the field named, exit 1, nothing written ---------------------------------
n=$(count)
refuse() { # WHAT FIELD OPTION VALUE
	local what=$1 field=$2 opt=$3 val=$4 out st
	if [ "$opt" = --name ]; then
		out=$(add phuong2 "$val" 2>"$T_DIR/err"); st=$?
	else
		out=$(add phuong2 "Lê Văn Tám" "$opt" "$val" 2>"$T_DIR/err"); st=$?
	fi
	t_eq "$what in $field: refused (exit 1)" "$st" 1
	t_eq "$what in $field: no id printed" "$out" ""
	t_contains "$what in $field: the message names the field's option" "$(cat "$T_DIR/err")" \
		"(--$field)"
	t_eq "$what in $field: the count of records is unchanged" "$(count)" "$n"
}
for f in name position workplace movement achievements; do
	refuse "invalid UTF-8 (a stray byte)" "$f" "--$f" $'L\xff Văn'
	refuse "ESC" "$f" "--$f" $'L\x1b[31m Văn'
	refuse "CR" "$f" "--$f" $'Lê\rVăn'
done
refuse "invalid UTF-8 (an overlong slash)" name --name $'L\xc0\xaf'
refuse "invalid UTF-8 (cut in the middle of a letter)" name --name $'Nguy\xe1\xbb'
refuse "invalid UTF-8 (a UTF-16 surrogate)" workplace --workplace $'\xed\xa0\x80'
refuse "a C1 control (U+009B)" name --name $'A\xc2\x9bB'
refuse "a right-to-left override (U+202E)" name --name $'A\xe2\x80\xaeB'
refuse "a tab" name --name $'Lê\tVăn'
refuse "a newline" name --name $'Lê\nVăn'
refuse "BEL" movement --movement $'Dân vận\a'
refuse "DEL" position --position $'Tổ trưởng\x7f'
t_eq "a newline is fine in the achievements" \
	"$(add phuong2 "Lê Văn Tám" --achievements $'Dòng một.\nDòng hai.')" 2
n=$(count)

# Editing is held to the same rules, and a refused edit leaves the record as it was.
before=$(dh show 1 --format tsv)
for v in $'An\x1b]0;x\a' $'An\r' $'An\xfe'; do
	dh edit 1 --name "$v" >/dev/null 2>"$T_DIR/err"; st=$?
	t_eq "edit with a bad name: refused (exit 1)" "$st" 1
	t_contains "edit with a bad name: the field is named" "$(cat "$T_DIR/err")" "(--name)"
done
t_eq "refused edits changed nothing" "$(dh show 1 --format tsv)" "$before"
t_eq "refused edits: the count is unchanged" "$(count)" "$n"

# ---- search ------------------------------------------------------------------------------
for who in "Trần Thị Ánh" "Lê Văn Bình" "Phạm Thị Đào" "Nguyễn Văn An" "Võ Văn Dũng"; do
	add phuong3 "$who" >/dev/null
done
search() { dh list --search "$1" --format tsv | tail -n +2 | cut -f 7 | tr '\n' '|'; }
t_eq 'search "nguyen thi hong" finds Nguyễn Thị Hồng' "$(search "nguyen thi hong")" \
	"Nguyễn Thị Hồng|"
t_eq 'search "da" finds Phạm Thị Đào' "$(search da)" "Phạm Thị Đào|"
t_eq 'search "NGUYỄN THỊ HỒNG" (capitals, marks)' "$(search "NGUYỄN THỊ HỒNG")" \
	"Nguyễn Thị Hồng|"
t_eq 'search given decomposed' "$(search "$nfd")" "Nguyễn Thị Hồng|"
t_eq 'search "nguyen" finds both Nguyễns' "$(search nguyen)" "Nguyễn Thị Hồng|Nguyễn Văn An|"
t_eq 'search "ánh" finds Ánh only' "$(search "ánh")" "Trần Thị Ánh|"
t_eq 'search "dao" finds Đào (đ folds to d)' "$(search dao)" "Phạm Thị Đào|"
t_eq 'search for nothing there' "$(search "xyz")" ""
t_eq 'search within a unit' "$(dh list --unit phuong1 --search nguyen --format tsv |
	tail -n +2 | cut -f 7)" "Nguyễn Thị Hồng"
# A mistyped unit code is said, not shown as an empty list.
out=$(dh list --unit phuong9 2>"$T_DIR/err")
t_eq "a unit that does not exist is refused (exit 1)" "$?" 1
t_eq "with nothing on standard output" "$out" ""
t_eq "and says which code" "$(cat "$T_DIR/err")" 'dienhinh: Không có đơn vị mã "phuong9".'
t_eq "a unit with no records lists none, without a complaint" \
	"$(dh list --unit congan --format tsv 2>&1)" $'id\tdate\tunit\ttype\tcategory\tstatus\tname\tlate'

# ---- order ------------------------------------------------------------------------------
t_eq "within one unit, people by given name, then family name" \
	"$(dh list --unit phuong3 --format tsv | tail -n +2 | cut -f 7 | tr '\n' '|')" \
	"Nguyễn Văn An|Trần Thị Ánh|Lê Văn Bình|Võ Văn Dũng|Phạm Thị Đào|"
dh add --unit phuong3 --type collective --category residential --name "Khóm 2" \
	--date 2024-08-01 >/dev/null
dh add --unit congan --type collective --category defence --name "Đội Cảnh sát giao thông" \
	--date 2024-08-01 >/dev/null
t_eq "units by code; in a unit, collectives before people" \
	"$(dh list --format tsv | tail -n +2 | cut -f 3,7 | tr '\t\n' ':|')" \
	"congan:Đội Cảnh sát giao thông|phuong1:Nguyễn Thị Hồng|phuong2:Lê Văn Tám|\
phuong3:Khóm 2|phuong3:Nguyễn Văn An|phuong3:Trần Thị Ánh|phuong3:Lê Văn Bình|\
phuong3:Võ Văn Dũng|phuong3:Phạm Thị Đào|"

# ---- invisible characters: refused in every field, the field named -------------------------
n=$(count)
for f in name position workplace movement achievements; do
	refuse "a zero-width space (U+200B)" "$f" "--$f" $'Lê\xe2\x80\x8bVăn'
	refuse "a line separator (U+2028)" "$f" "--$f" $'Lê Văn\xe2\x80\xa8'
done
refuse "a zero-width joiner (U+200D)" name --name $'L\xe2\x80\x8dê Văn'
refuse "a word joiner (U+2060)" name --name $'Lê\xe2\x81\xa0Văn'
refuse "a byte order mark inside (U+FEFF)" name --name $'Lê \xef\xbb\xbfVăn'
refuse "a paragraph separator (U+2029)" achievements --achievements $'Dòng một.\xe2\x80\xa9'
t_contains "the message says what the character is" \
	"$(add phuong2 $'Lê\xe2\x80\x8bVăn' 2>&1)" "ký tự vô hình"
# So the same person cannot come in twice behind a zero-width space.
t_eq "Nguyễn Thị Hồng with a zero-width space is not a second record" \
	"$(add phuong1 $'Nguy\xe1\xbb\x85n\xe2\x80\x8b Thị Hồng' >/dev/null 2>&1; echo $?)" 1

# ---- legacy keyboards: refused unless --allow-legacy -------------------------------------
n=$(count)
out=$(add kinhte "NguyÔn ThÞ Hång" 2>"$T_DIR/err"); st=$?
t_eq "TCVN3 mojibake (NguyÔn ThÞ Hång): refused (exit 1)" "$st" 1
t_eq "... no id printed" "$out" ""
t_eq "... nothing stored" "$(count)" "$n"
t_contains "... the message names the field" "$(cat "$T_DIR/err")" "Họ và tên"
t_contains "... names TCVN3 and VNI" "$(cat "$T_DIR/err")" "TCVN3 hoặc VNI"
t_contains "... says how to set Unikey" "$(cat "$T_DIR/err")" "Unikey"
t_contains "... and how to keep it anyway" "$(cat "$T_DIR/err")" "--allow-legacy"
out=$(add kinhte "Nguyeãn Thò Hoàng" 2>"$T_DIR/err"); st=$?
t_eq "VNI mojibake (Nguyeãn Thò Hoàng): refused too (exit 1)" "$st" 1
t_contains "... naming Unikey" "$(cat "$T_DIR/err")" "Unikey"
t_eq "a position typed in TCVN3 is refused too" \
	"$(add kinhte "Lê Văn Tư" --position "Tæ tr«ëng" >/dev/null 2>&1; echo $?)" 1
t_eq "names in other Latin alphabets are not taken for it" \
	"$(add kinhte "François Müller" 2>/dev/null)" "$((n + 1))"
id=$(add kinhte "NguyÔn ThÞ Hång" --allow-legacy 2>"$T_DIR/err"); st=$?
t_eq "with --allow-legacy it is stored (exit 0)" "$st" 0
t_eq "... as typed" "$(dh show "$id" --format tsv | awk -F'\t' '$1 == "name" { print $2 }')" \
	"NguyÔn ThÞ Hång"
t_contains "... and says it was kept" "$(cat "$T_DIR/err")" "--allow-legacy"
t_eq "editing another field of it needs no --allow-legacy" \
	"$(dh edit "$id" --position "Tổ trưởng" >/dev/null 2>&1; echo $?)" 0
t_eq "an edit to other legacy text is refused" \
	"$(dh edit "$id" --name "Lª V¨n Hïng" >/dev/null 2>&1; echo $?)" 1
t_eq "... and allowed with --allow-legacy" \
	"$(dh edit "$id" --name "Lª V¨n Hïng" --allow-legacy >/dev/null 2>&1; echo $?)" 0

# An import: a row with legacy text is refused naming the row, nothing imported.
n=$(count)
{
	printf 'Tên,Loại,Lĩnh vực,Mã đơn vị,Ngày giới thiệu\r\n'
	printf 'Nguyễn Văn Năm,Cá nhân,community,kinhte,2024-01-05\r\n'
	printf 'Trần Thị Sáu,Cá nhân,community,kinhte,2024-01-06\r\n'
	printf 'NguyÔn ThÞ Hång,Cá nhân,community,kinhte,2024-01-07\r\n'
} > "$T_DIR/legacy_row.csv"
err=$(dh import exemplars "$T_DIR/legacy_row.csv" 2>&1 >/dev/null); st=$?
t_eq "a CSV with a legacy row is refused (exit 1)" "$st" 1
t_contains "... naming the row and column" "$err" "dòng 4, cột A"
t_eq "... that row alone" "$(printf '%s\n' "$err" | grep -c '^dòng')" 1
t_contains "... and the encoding" "$err" "TCVN3"
t_eq "... nothing imported" "$(count)" "$n"

# A file saved as Windows-1258 or in TCVN3 bytes: one message for the file, naming it.
for enc in CP1258:Windows-1258 TCVN5712-1:TCVN3; do
	{
		printf 'Tên,Loại,Lĩnh vực,Mã đơn vị,Ngày giới thiệu\r\n'
		for who in "Nguyễn Văn Bảy" "Trần Thị Tám" "Lê Văn Chín" "Phạm Thị Mười"; do
			printf '%s,Cá nhân,community,kinhte,2024-01-05\r\n' "$who"
		done
	} | iconv -t "${enc%%:*}" > "$T_DIR/legacy_file.csv"
	err=$(dh import exemplars "$T_DIR/legacy_file.csv" 2>&1 >/dev/null); st=$?
	t_eq "a file in ${enc#*:}: refused (exit 1)" "$st" 1
	t_contains "... naming the encoding" "$err" "${enc#*:}"
	t_eq "... in one message, not one a row" "$(printf '%s\n' "$err" | grep -c '^dòng')" 0
	t_eq "... nothing imported" "$(count)" "$n"
done
# The same names typed with Unikey set to TCVN3 into a Unicode file: one message too.
{
	printf 'Tên,Loại,Lĩnh vực,Mã đơn vị,Ngày giới thiệu\r\n'
	for who in "NguyÔn V¨n B¶y" "TrÇn ThÞ T¸m" "Lª V¨n ChÝn"; do
		printf '%s,Cá nhân,community,kinhte,2024-01-05\r\n' "$who"
	done
} > "$T_DIR/legacy_cells.csv"
err=$(dh import exemplars "$T_DIR/legacy_cells.csv" 2>&1 >/dev/null); st=$?
t_eq "a Unicode file of TCVN3-typed names: refused (exit 1)" "$st" 1
t_contains "... naming TCVN3 once for the file" "$err" "TCVN3"
t_eq "... not row by row" "$(printf '%s\n' "$err" | grep -c '^dòng')" 0
t_eq "... nothing imported" "$(count)" "$n"

# ---- old and new tone placement: one name --------------------------------------------
t_eq "Châu Thị Hòa is added" "$(add phuong2 "Châu Thị Hòa" --date 2024-09-02 2>&1 >/dev/null; echo $?)" 0
out=$(add phuong2 "Châu Thị Hoà" --date 2024-09-02 2>&1 >/dev/null); st=$?
t_eq "Châu Thị Hoà, same unit and date: refused as a duplicate (exit 1)" "$st" 1
t_contains "... saying it is there already" "$out" "đã có trong cơ sở dữ liệu"
t_eq "Thuỷ after Thủy: a duplicate too" \
	"$(add phuong2 "Lê Thị Thủy" --date 2024-09-02 >/dev/null; add phuong2 "Lê Thị Thuỷ" \
	--date 2024-09-02 >/dev/null 2>&1; echo $?)" 1
add phuong2 "Trần Thị Hoà" --date 2024-09-03 >/dev/null
add phuong2 "Bùi Thị Hoà" --date 2024-09-04 >/dev/null
t_eq "Bùi Thị Hoà, Châu Thị Hòa, Trần Thị Hoà: the family name decides" \
	"$(dh list --unit phuong2 --search hoa --format tsv | tail -n +2 | cut -f 7 | tr '\n' '|')" \
	"Bùi Thị Hoà|Châu Thị Hòa|Trần Thị Hoà|"
t_eq "each stored as typed" "$(dh list --unit phuong2 --format tsv | grep -c 'Hoà')" 2
