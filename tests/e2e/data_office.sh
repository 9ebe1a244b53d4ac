#!/usr/bin/env bash
# The office's own workbooks: an .xlsx written by openpyxl (a title block, a
# header over two merged rows, STT, block headings, a blank row, a total,
# signatures, dates as Excel dates and as typed text, units by name) imports
# the same records as the clean CSV file; so does the .xls LibreOffice saves
# from it.  A workbook with an unknown unit, a date that is not one and an
# empty name is refused naming each row and Excel column, writing nothing;
# the dry run says the same and shows how the columns were read.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/data_common.bash"
data_bin || exit 1
on() { local db=$1; shift; T_DB=$db dh "$@"; }
py=/usr/bin/python3
sheets=$DIENHINH_ROOT/tests/e2e/office_sheets.py

$py "$sheets" good "$T_DIR" && $py "$sheets" bad "$T_DIR"
t_report $? "openpyxl writes the test workbooks"

# An export's records, less the columns that say when they were entered.
records() {
	on "$1" export -o "$T_DIR/out.csv" >/dev/null &&
		$py - "$T_DIR/out.csv" <<'PY'
import csv, sys
for row in csv.reader(open(sys.argv[1], encoding="utf-8-sig")):
    print("\t".join(row[:-4]).replace("\n", "\\n"))
PY
}

for db in xlsx csv xls bad; do on "$T_DIR/$db" init >/dev/null; done

# ---- .xlsx against the clean CSV ------------------------------------------------------
out=$(on "$T_DIR/csv" import exemplars "$T_DIR/clean.csv")
t_report $? "the clean CSV file imports"
out=$(on "$T_DIR/xlsx" import exemplars "$T_DIR/office.xlsx")
t_report $? "the office's .xlsx imports"
t_contains "it says how many records it imported" "$out" "Đã nhập 4 gương từ"
t_contains "and how many rows were not records" "$out" \
	"9 dòng không phải hồ sơ, đã bỏ qua: dòng trống 4; dòng tổng 1; dưới dòng tổng 2; tiêu đề nhóm 2."
want=$(records "$T_DIR/csv")
t_eq "the .xlsx gives the same records as the clean CSV" "$(records "$T_DIR/xlsx")" "$want"
t_contains "... with the Excel date and the typed one both read (15/07/2024)" \
	"$(records "$T_DIR/xlsx" | grep -c "	2024-07-15	")" 2
t_contains "... the birth year under \"Nữ\" giving a woman" \
	"$(records "$T_DIR/xlsx" | grep "Trần Thị Bình")" "Nữ	1985"
t_contains "... the unit typed without accents found by name" \
	"$(records "$T_DIR/xlsx" | grep "Trần Thị Bình")" "phuong2	Phường 2"
t_contains "the import is in the log under the importer's name" \
	"$(on "$T_DIR/xlsx" log --format tsv | tail -n 1)" "root	import"

# ---- the same saved as .xls by LibreOffice ----------------------------------------------
mkdir -p "$T_DIR/lo"
HOME=$T_DIR/lo timeout 300 soffice --headless --convert-to xls --outdir "$T_DIR" \
	"$T_DIR/office.xlsx" >"$T_DIR/lo/log" 2>&1
t_ok "LibreOffice saves the workbook as .xls" test -s "$T_DIR/office.xls"
t_eq "the file starts as an OLE2 compound file, not a zip" \
	"$(head -c 4 "$T_DIR/office.xls" | od -An -tx1 | tr -d ' ')" "d0cf11e0"
cp "$T_DIR/office.xls" "$T_DIR/office-renamed.csv"
out=$(on "$T_DIR/xls" import exemplars "$T_DIR/office-renamed.csv")
t_report $? "the .xls imports, read by content even named .csv"
t_eq "the .xls gives the same records as the clean CSV" "$(records "$T_DIR/xls")" "$want"

# ---- a workbook with three faults -------------------------------------------------------------
before=$(records "$T_DIR/xlsx")
on "$T_DIR/xlsx" import exemplars "$T_DIR/bad.xlsx" >"$T_DIR/out" 2>"$T_DIR/err"
t_eq "a workbook with faults is refused (exit 1)" $? 1
err=$(cat "$T_DIR/err")
t_contains "the unknown unit by row and column letter" "$err" \
	'dòng 9, cột F (Cơ quan, đơn vị): không có đơn vị "Phường Chín".'
t_contains "the date that is not one" "$err" \
	'dòng 10, cột I (Nội dung / Ngày giới thiệu): "31/02/2024" không phải là ngày'
t_contains "the empty name" "$err" "dòng 13, cột B: Họ và tên: bắt buộc phải nhập."
t_eq "three problems, nothing else" "$(grep -c '^dòng' "$T_DIR/err")" 3
t_contains "nothing was written, it says" "$err" "chưa ghi gì"
t_eq "and the register is as it was" "$(records "$T_DIR/xlsx")" "$before"

on "$T_DIR/bad" import exemplars --dry-run "$T_DIR/bad.xlsx" >"$T_DIR/out" 2>"$T_DIR/err2"
t_eq "the dry run refuses it too (exit 1)" $? 1
t_eq "naming the same rows and columns" "$(grep '^dòng' "$T_DIR/err2")" \
	"$(grep '^dòng' "$T_DIR/err")"
out=$(cat "$T_DIR/out")
t_contains "it shows where the header is" "$out" 'Trang tính "Sheet", dòng tiêu đề 6-7.'
for m in "A   STT .* -> \(bỏ qua\)" "B   Họ và tên .* -> Tên" \
	"C   Năm sinh / Nam .* -> Năm sinh \(nam\)" "D   Năm sinh / Nữ .* -> Năm sinh \(nữ\)" \
	"F   Cơ quan, đơn vị .* -> Tên đơn vị" "I   Nội dung / Ngày giới thiệu .* -> Ngày giới thiệu"; do
	[[ $out =~ $m ]]
	t_report $? "the mapping reads: $m"
done
t_contains "and lists the rows left out" "$out" "  các dòng: 8 11 14 16 19"
t_eq "the dry run wrote nothing (the header alone)" "$(records "$T_DIR/bad" | wc -l)" 1

# ---- choosing the sheet and a column's use ---------------------------------------------------
out=$(on "$T_DIR/bad" import exemplars --dry-run --sheet "danh sach" "$T_DIR/office.xlsx")
t_report $? "--sheet finds a sheet by its name, accents aside"
t_contains "the sheet with the header is the one read by default" \
	"$(on "$T_DIR/bad" import exemplars --dry-run "$T_DIR/office.xlsx")" 'Trang tính "Danh sách"'
on "$T_DIR/bad" import exemplars --dry-run --sheet 1 "$T_DIR/office.xlsx" >/dev/null 2>"$T_DIR/err"
t_contains "the notes sheet has no header: its columns are reported" "$(cat "$T_DIR/err")" \
	"thiếu cột"
on "$T_DIR/bad" import exemplars --sheet 9 "$T_DIR/office.xlsx" >/dev/null 2>"$T_DIR/err"
t_contains "a sheet that is not there is named with the list" "$(cat "$T_DIR/err")" \
	'Tệp không có trang tính "9". Các trang tính của tệp: 1. Ghi chú; 2. Danh sách.'
out=$(on "$T_DIR/bad" import exemplars --dry-run --column E=workplace "$T_DIR/office.xlsx")
t_contains "--column reads a column as another field" "$out" "E   Chức vụ"
[[ $out =~ "E   Chức vụ"\ +"-> Nơi công tác / địa chỉ" ]]
t_report $? "... shown in the mapping"
t_fails 2 "--column with no such field is a usage error" \
	on "$T_DIR/bad" import exemplars --column E=nothing "$T_DIR/office.xlsx"

# ---- a zip bomb: a small file whose sheet unpacks past the bound ---------------------------
$py - "$T_DIR/office.xlsx" "$T_DIR/bomb.xlsx" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for i in src.infolist():
        data = src.read(i.filename)
        if i.filename.startswith("xl/worksheets/"):
            data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (200 << 20))
        z.writestr(i.filename, data)
PY
t_eq "the bomb is small on disk" "$(( $(stat -c %s "$T_DIR/bomb.xlsx") < 2000000 ))" 1
on "$T_DIR/bad" import exemplars --dry-run "$T_DIR/bomb.xlsx" >/dev/null 2>"$T_DIR/err"
t_eq "a workbook that unpacks past the bound is refused (exit 1)" $? 1
t_contains "saying so, not unpacking it" "$(cat "$T_DIR/err")" "giải nén ra hơn 128 MB"

# ---- not a workbook ----------------------------------------------------------------------
printf 'PK\003\004garbage' > "$T_DIR/broken.xlsx"
on "$T_DIR/bad" import exemplars "$T_DIR/broken.xlsx" >/dev/null 2>"$T_DIR/err"
t_eq "a damaged zip is refused (exit 1)" $? 1
t_contains "as not a workbook" "$(cat "$T_DIR/err")" "Tệp không phải là sổ tính Excel (.xlsx)"
