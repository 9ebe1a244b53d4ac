#!/usr/bin/env bash
# Export and import: export -> import into an empty database -> export gives
# the same bytes; a damaged CSV is refused row by row and column by column
# with nothing written, --dry-run says the same and writes nothing;
# duplicates; CSV as Excel saves it; units; who may import.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/data_common.bash"
data_bin || exit 1
on() { local db=$1; shift; T_DB=$db dh "$@"; } # on DB ARGS...: the program on database DB

T_DB=$T_DIR/db1 dh init --demo >/dev/null
# Give the demo what it lacks: a reason, a propagation with a reference holding
# " | ", text that Excel would run as a formula, and a line break.
new=$(on "$T_DIR/db1" add --unit kinhte --type individual --category good_deeds \
	--name "=HYPERLINK(\"x\")" --date 2025-10-02 --achievements $'dòng 1, "trích"\ndòng 2' \
	--workplace " Ấp 3 ; khóm 4")
on "$T_DIR/db1" review "$new" return --reason "Thiếu xác nhận" >/dev/null
id=$(T_DB=$T_DIR/db1 dh list --format tsv --status accepted | sed -n 2p | cut -f1)
T_DB=$T_DIR/db1 dh propagate "$id" --channel portal --date 2025-11-01 \
	--ref "Trang tin | mục Gương sáng" >/dev/null

T_DB=$T_DIR/db1 dh export -o "$T_DIR/a.csv" >/dev/null
t_report $? "export to a CSV file"
n=$(T_DB=$T_DIR/db1 dh list --format tsv | tail -n +2 | wc -l)
on "$T_DIR/db2" init >/dev/null
out=$(T_DB=$T_DIR/db2 dh import exemplars "$T_DIR/a.csv")
t_report $? "import the export into an empty database"
t_contains "it says how many were imported" "$out" "Đã nhập $n gương"
T_DB=$T_DIR/db2 dh export -o "$T_DIR/b.csv" >/dev/null
cmp -s "$T_DIR/a.csv" "$T_DIR/b.csv"
t_report $? "export -> import -> export gives the same bytes ($n exemplars)"
t_ok "the imported database passes check" on "$T_DIR/db2" check
t_eq "quota counts are the same in both" "$(T_DB=$T_DIR/db2 dh quota --year 2024 --format tsv)" \
	"$(T_DB=$T_DIR/db1 dh quota --year 2024 --format tsv)"
t_contains "the import is in the log under the importer's name" \
	"$(T_DB=$T_DIR/db2 dh log --format tsv | tail -n 1)" "root	import"
t_contains "a formula-like name is written with an apostrophe" \
	"$(grep -ao "[^,]*HYPERLINK[^,]*" "$T_DIR/a.csv")" "\"'=HYPERLINK(\"\"x\"\")\""
t_contains "... and read back without it" \
	"$(T_DB=$T_DIR/db2 dh list --format tsv | grep HYPERLINK)" "	=HYPERLINK(\"x\")"
t_eq "a CSV file starts with a byte order mark (EF BB BF), for Excel" \
	"$(head -c 3 "$T_DIR/a.csv" | od -An -tx1 | tr -d ' ')" efbbbf
T_DB=$T_DIR/db1 dh export --no-bom -o "$T_DIR/nobom.csv" >/dev/null
t_eq "--no-bom writes the same file without it, for scripts" \
	"$(md5sum < "$T_DIR/nobom.csv")" "$(tail -c +4 "$T_DIR/a.csv" | md5sum)"
t_eq "... on standard output too" "$(T_DB=$T_DIR/db1 dh export --no-bom | head -c 3)" \
	"$(head -c 3 "$T_DIR/nobom.csv")"
t_eq "standard output has it by default" \
	"$(T_DB=$T_DIR/db1 dh export | head -c 3 | od -An -tx1 | tr -d ' ')" efbbbf
T_DB=$T_DIR/db1 dh export --bom -o "$T_DIR/bom.csv" >/dev/null
t_report $? "--bom, which older scripts give, is still accepted"
cmp -s "$T_DIR/bom.csv" "$T_DIR/a.csv"
t_report $? "... and changes nothing"
t_eq "records end with CRLF" "$(head -n 1 "$T_DIR/a.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" \
	0d0a

# Across languages: the Vietnamese file into a program set to English, its
# English export back into a Vietnamese one, which exports the first file again.
sed 's/^language = vi/language = en/' "$DIENHINH_ROOT/conf/dienhinh.ini" > "$T_DIR/en.ini"
T_CONFIG=$T_DIR/en.ini on "$T_DIR/db5" init >/dev/null
T_CONFIG=$T_DIR/en.ini on "$T_DIR/db5" import exemplars "$T_DIR/a.csv" >/dev/null
t_report $? "a Vietnamese export imports into a program set to English"
T_CONFIG=$T_DIR/en.ini on "$T_DIR/db5" export -o "$T_DIR/en.csv" >/dev/null
t_contains "... which exports English headers and labels" "$(head -n 2 "$T_DIR/en.csv")" \
	"Number,Version,Unit code,Unit name,Type,Category,Name"
on "$T_DIR/db6" init >/dev/null
on "$T_DIR/db6" import exemplars "$T_DIR/en.csv" >/dev/null
t_report $? "the English export imports into a program set to Vietnamese"
on "$T_DIR/db6" export -o "$T_DIR/vi.csv" >/dev/null
cmp -s "$T_DIR/a.csv" "$T_DIR/vi.csv"
t_report $? "... and exports the first file again, byte for byte"

# Text is stored NFC, whatever form it came in.
{
	printf 'name,category,unit,date\n'
	printf 'Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Ho\xcc\x82\xcc\x80ng,'
	printf 'good_deeds,kinhte,2024-05-06\n'
} > "$T_DIR/nfd.csv"
on "$T_DIR/db7" init >/dev/null
on "$T_DIR/db7" import exemplars "$T_DIR/nfd.csv" >/dev/null
# "Nguyễn": N g u y, then U+1EC5 (e1 bb 85) where the file had e, U+0302, U+0303.
t_contains "decomposed letters are stored composed (NFC)" \
	"$(on "$T_DIR/db7" list --format tsv | od -An -tx1 | tr -d ' \n')" "4e677579e1bb856e"

# The same again through the BOM file and a workbook.
on "$T_DIR/db3" init >/dev/null
T_DB=$T_DIR/db3 dh import exemplars "$T_DIR/bom.csv" >/dev/null
T_DB=$T_DIR/db3 dh export --bom -o "$T_DIR/bom2.csv" >/dev/null
cmp -s "$T_DIR/bom.csv" "$T_DIR/bom2.csv"
t_report $? "the same round trip with --bom"
T_DB=$T_DIR/db1 dh export --format xlsx -o "$T_DIR/a.xlsx" >/dev/null
t_report $? "export as a workbook"
rows=$(python3 - "$T_DIR/a.xlsx" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml'))
print(len(list(root.iter(M + 'row'))) - 1)
PY
)
t_eq "the workbook holds every exemplar under one header row" "$rows" "$n"
T_DB=$T_DIR/db1 dh export --no-bom -o "$T_DIR/a.csv" >/dev/null
out=$(python3 - "$T_DIR/a.xlsx" "$T_DIR/a.csv" <<'PY'
import csv, datetime, re, sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter(M + 't'))
          for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(M + 'row'):
    cells = {}
    for c in row.iter(M + 'c'):
        v = c.find(M + 'v')
        if v is not None:
            cells[re.match('[A-Z]+', c.get('r')).group(0)] = \
                shared[int(v.text)] if c.get('t') == 's' else float(v.text)
    rows.append(cells)
col = next(k for k, v in rows[0].items() if v == 'Ngày giới thiệu')
got = sorted((c['A'], c[col]) for c in rows[1:])
days = lambda d: float((datetime.date.fromisoformat(d) - datetime.date(1899, 12, 30)).days)
want = sorted((float(r['Số hồ sơ']), days(r['Ngày giới thiệu']))
              for r in csv.DictReader(open(sys.argv[2], encoding='utf-8')))
print('equal' if got == want and got else 'differ %s %s' % (got[:2], want[:2]))
PY
)
t_eq "the workbook's introduction dates are real dates, those of the CSV export" "$out" equal
t_eq "export units lists every unit" "$(T_DB=$T_DIR/db1 dh export units | tail -n +2 | wc -l)" \
	"$(T_DB=$T_DIR/db1 dh units --format tsv | tail -n +2 | wc -l)"

# ---- a damaged file ----------------------------------------------------------------
# Row 3: a quote never closed; row 4: 30 February; row 5: an unknown unit;
# row 6: Latin-1 bytes.  Rows 2 and 7 are fine.  CRLF line ends, as Excel writes.
{
	printf 'Tên,Loại,Lĩnh vực,Mã đơn vị,Ngày giới thiệu\r\n'
	printf 'Nguyễn Văn An,Cá nhân,community,kinhte,2024-01-05\r\n'
	printf '"Trần Thị Bình,Cá nhân,community,kinhte,2024-01-06\r\n'
	printf 'Lê Văn Cường,Cá nhân,community,kinhte,2024-02-30\r\n'
	printf 'Phạm Thị Dung,Cá nhân,community,phuong9,2024-03-01\r\n'
	printf 'Hu\xe1nh V\xe3n Em,C\xe1 nh\xe2n,community,kinhte,2024-03-02\r\n'
	printf 'Võ Thị Phương,individual,official,ttyt,05/03/2024\r\n'
} > "$T_DIR/bad.csv"
before=$(T_DB=$T_DIR/db2 dh export | md5sum)
log_before=$(T_DB=$T_DIR/db2 dh log --format tsv | wc -l)
err=$(T_DB=$T_DIR/db2 dh import exemplars "$T_DIR/bad.csv" 2>&1 >/dev/null)
rc=$?
t_eq "the damaged file is refused (exit 1)" "$rc" 1
t_contains "row 3, column A: the unclosed quote" "$err" "dòng 3, cột A (Tên): dấu ngoặc kép"
t_contains "row 4, column E: the bad date" "$err" "dòng 4, cột E (Ngày giới thiệu): \"2024-02-30\""
t_contains "row 5, column D: the unknown unit" "$err" "dòng 5, cột D"
t_contains "... named" "$(echo "$err" | grep 'dòng 5')" "phuong9"
t_contains "row 6, column A: not UTF-8" "$err" \
	"dòng 6, cột A (Tên): nội dung không phải là văn bản UTF-8"
t_eq "exactly those four problems" "$(echo "$err" | grep -c '^dòng')" 4
t_contains "and a summary" "$err" "4 lỗi trong"
t_eq "the database is unchanged" "$(T_DB=$T_DIR/db2 dh export | md5sum)" "$before"
t_eq "the log is unchanged" "$(T_DB=$T_DIR/db2 dh log --format tsv | wc -l)" "$log_before"
dry=$(T_DB=$T_DIR/db2 dh import exemplars "$T_DIR/bad.csv" --dry-run 2>&1 >/dev/null)
t_eq "--dry-run reports the same" "$dry" "$err"
t_eq "--dry-run writes nothing either" "$(T_DB=$T_DIR/db2 dh export | md5sum)" "$before"

# Without the bad rows the same file checks, then imports, with DD/MM/YYYY read as a date.
sed -n '1p;2p;7p' "$T_DIR/bad.csv" > "$T_DIR/good.csv"
out=$(T_DB=$T_DIR/db2 dh import exemplars --dry-run "$T_DIR/good.csv")
t_contains "--dry-run of a sound file says what would be added" "$out" "2 gương sẽ được thêm"
t_eq "... and adds nothing" "$(T_DB=$T_DIR/db2 dh export | md5sum)" "$before"
T_DB=$T_DIR/db2 dh import exemplars "$T_DIR/good.csv" >/dev/null
t_report $? "the sound rows import"
t_contains "05/03/2024 is 5 March" "$(T_DB=$T_DIR/db2 dh list --format tsv --unit ttyt)" \
	"2024-03-05	ttyt	individual	official	introduced	Võ Thị Phương"

# ---- duplicates ---------------------------------------------------------------------
err=$(T_DB=$T_DIR/db2 dh import exemplars "$T_DIR/good.csv" 2>&1 >/dev/null)
t_eq "importing a file again is refused" "$?" 1
t_contains "... each duplicate named by row" "$err" "dòng 2, cột A"
t_contains "... with the number it already has" "$err" "Nguyễn Văn An"
count=$(T_DB=$T_DIR/db2 dh list --format tsv | wc -l)
out=$(T_DB=$T_DIR/db2 dh import exemplars "$T_DIR/good.csv" --skip-duplicates)
t_contains "--skip-duplicates leaves them out" "$out" "Bỏ qua 2 gương"
t_eq "... and adds nothing twice" "$(T_DB=$T_DIR/db2 dh list --format tsv | wc -l)" "$count"
err=$(T_DB=$T_DIR/db2 dh import exemplars "$T_DIR/a.csv" 2>&1 >/dev/null)
t_contains "re-importing the export (same numbers) finds every record a duplicate" "$err" \
	"$n lỗi trong"
{ head -n 1 "$T_DIR/good.csv"; sed -n 2p "$T_DIR/good.csv"; sed -n 2p "$T_DIR/good.csv"; } \
	> "$T_DIR/twice.csv"
on "$T_DIR/db4" init >/dev/null
err=$(T_DB=$T_DIR/db4 dh import exemplars "$T_DIR/twice.csv" 2>&1 >/dev/null)
t_contains "a record twice in one file is a duplicate" "$err" "dòng 3"

# ---- several files in one go ---------------------------------------------------------
hdr='Tên,Loại,Lĩnh vực,Mã đơn vị,Ngày giới thiệu'
mfile() { printf '%s\n%s,individual,good_deeds,kinhte,%s\n' "$hdr" "$2" "$3" > "$T_DIR/$1"; }
mfile m1.csv "Đỗ Văn Một" 2024-03-01
mfile m2.csv "Đỗ Thị Hai" 02/03/2024
mfile m3.csv "Đỗ Văn Ba" 2024-03-03
mfile mbad.csv "Lý Văn Bé" 2024-02-30
on "$T_DIR/db8" init >/dev/null
out=$(on "$T_DIR/db8" import exemplars "$T_DIR/m1.csv" "$T_DIR/m2.csv" "$T_DIR/m3.csv")
t_report $? "three files import in one command"
# (rows of 2024 entered on 20/11/2025: each a late entry, and said so)
late=$'\nTrong đó có 1 hồ sơ ghi bổ sung (ngày thuộc quý đã khóa sổ).'
t_eq "... each named with what it added, in the order given" \
	"$(echo "$out" | sed 's|.*/||')" "m1.csv.${late}"$'\n'"m2.csv.${late}"$'\n'"m3.csv.${late}"
t_eq "... every record is in" "$(on "$T_DIR/db8" list --format tsv | tail -n +2 | wc -l)" 3
t_eq "... numbered in the files' order" \
	"$(on "$T_DIR/db8" list --format tsv | tail -n +2 | sort -n | cut -f7 | tr '\n' '|')" \
	"Đỗ Văn Một|Đỗ Thị Hai|Đỗ Văn Ba|"
t_eq "... each file its own entry in the log" \
	"$(on "$T_DIR/db8" log --format tsv | grep -c '	import	')" 3
on "$T_DIR/db9" init >/dev/null
err=$(on "$T_DIR/db9" import exemplars "$T_DIR/m1.csv" "$T_DIR/mbad.csv" "$T_DIR/m3.csv" 2>&1)
t_eq "a refused file stops the import (exit 1)" "$?" 1
t_contains "... its problem is listed" "$err" "dòng 2, cột E"
t_contains "... and the person is told where it stopped and what went in" "$err" \
	"Dừng nhập ở tệp $T_DIR/mbad.csv: 1 tệp sau nó chưa được nhập. Các tệp trước nó đã được nhập."
t_eq "... the file before it is in, the one after it not" \
	"$(on "$T_DIR/db9" list --format tsv | tail -n +2 | cut -f7)" "Đỗ Văn Một"
err=$(on "$T_DIR/db9" import exemplars --dry-run "$T_DIR/mbad.csv" "$T_DIR/m3.csv" 2>&1)
t_eq "a dry run of two files, one bad, fails" "$?" 1
t_contains "... yet checks the second" "$err" "$T_DIR/m3.csv: 1 gương sẽ được thêm"
t_lacks "... and says nothing of stopping" "$err" "Dừng nhập"
t_eq "... writing nothing" "$(on "$T_DIR/db9" list --format tsv | tail -n +2 | wc -l)" 1

# ---- CSV as Excel in a Vietnamese locale saves it ------------------------------------
{
	printf '\xef\xbb\xbfSTT;Họ và tên;LĨNH VỰC;Đơn vị;ngay gioi thieu;Thành tích\r\n'
	printf '1;Đặng Thị Yến;Người lao động, người tốt, việc tốt;Phòng Kinh tế;12/08/2024;'
	printf '"Dòng 1\r\nDòng 2"\r\n'
} > "$T_DIR/excel.csv"
out=$(T_DB=$T_DIR/db4 dh import exemplars "$T_DIR/excel.csv" 2>&1)
t_report $? "semicolons, a BOM, CRLF, headers in any case or without accents, a unit by name"
show=$(T_DB=$T_DIR/db4 dh list --format tsv --search "dang thi yen")
t_contains "... the record is there, its type taken from the category" "$show" \
	"2024-08-12	kinhte	individual	good_deeds	introduced	Đặng Thị Yến"

# Two units of one name (Xã Tân Long before and after the 2025 merger): a row that
# names it takes the one active on its date.
{
	printf 'Họ và tên,Lĩnh vực,Đơn vị,Ngày giới thiệu\n'
	printf 'Lâm Văn Trước,Người lao động, người tốt, việc tốt,Xã Tân Long,15/03/2025\n'
	printf 'Lâm Thị Sau,Người lao động, người tốt, việc tốt,xa tan long,15/08/2025\n'
} | sed 's/Người lao động, người tốt, việc tốt/"&"/' > "$T_DIR/tanlong.csv"
on "$T_DIR/dbtl" init >/dev/null
out=$(on "$T_DIR/dbtl" import exemplars --reason "Bổ sung hồ sơ cũ" "$T_DIR/tanlong.csv" 2>&1)
t_report $? "a file naming Xã Tân Long before and after the merger imports"
got=$(on "$T_DIR/dbtl" list --format tsv | tail -n +2 | cut -f3,7 | sort)
t_eq "... each row with the Xã Tân Long of its date" "$got" \
	$'tanlong\tLâm Văn Trước\ntanlongmoi\tLâm Thị Sau'

# ---- units ---------------------------------------------------------------------------
{
	printf 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Khối thi đua,Chỉ tiêu mỗi quý,'
	printf 'Hoạt động từ ngày,Hoạt động đến ngày\n'
} > "$T_DIR/units.csv"
printf 'hoicnd,Hội Chữ thập đỏ cũ,mass_org,Khối Đảng – đoàn thể,0,2019-01-01,2020-12-31\n' \
	>> "$T_DIR/units.csv"
out=$(T_DB=$T_DIR/db4 dh import units "$T_DIR/units.csv")
t_contains "a unit known only to the database is added" "$out" "Đã thêm hoặc sửa 1 đơn vị"
t_contains "... and listed" "$(T_DB=$T_DIR/db4 dh units --format tsv)" \
	"hoicnd	Hội Chữ thập đỏ cũ	mass_org"
out=$(T_DB=$T_DIR/db4 dh import units "$T_DIR/units.csv")
t_contains "importing it again changes nothing" "$out" "1 đơn vị đã đúng như trong tệp"
printf 'phuong1,Phường Một,ward,,2,,,\n' >> "$T_DIR/units.csv"
err=$(T_DB=$T_DIR/db4 dh import units "$T_DIR/units.csv" 2>&1)
t_contains "a unit of the config is changed in the config only" "$err" \
	"dòng 3, cột A: đơn vị \"phuong1\""
T_DB=$T_DIR/db4 dh export units -o "$T_DIR/u.csv" >/dev/null
err=$(T_DB=$T_DIR/db4 dh import units "$T_DIR/u.csv" 2>&1)
t_report $? "the units' own export imports back unchanged"

# ---- who may ------------------------------------------------------------------------
sed 's/^\[roles\]/[roles]\nxem = viewer\ncanbo = kinhte/' "$DIENHINH_ROOT/conf/dienhinh.ini" \
	> "$T_DIR/roles.ini"
err=$(DIENHINH_USER=xem T_CONFIG=$T_DIR/roles.ini T_DB=$T_DIR/db4 dh import exemplars \
	"$T_DIR/good.csv" 2>&1)
t_eq "a viewer cannot import (exit 1)" "$?" 1
t_contains "... and is told who can" "$err" "Phòng Nội vụ"
DIENHINH_USER=canbo T_CONFIG=$T_DIR/roles.ini T_DB=$T_DIR/db4 dh export -o "$T_DIR/c.csv" \
	>/dev/null
t_report $? "unit staff may export (everyone reads every record)"
t_fails 2 "import needs exemplars or units" dh import "$T_DIR/good.csv"
t_fails 1 "a missing file is refused" on "$T_DIR/db4" import exemplars /nonexistent.csv
