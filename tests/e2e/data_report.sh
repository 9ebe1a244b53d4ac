#!/usr/bin/env bash
# Reports: the quarter report's numbers against a recount this script makes
# from `list --format tsv` and the config, for several quarters of a
# generated register; text within 80 columns; workbooks read back with
# Python's zipfile and xml modules (no package of ours involved).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/data_common.bash"
data_bin || exit 1
CONF=$DIENHINH_ROOT/conf/dienhinh.ini

# The demo fills every quarter of 2021-2025 that is over by 2025-11-20 for
# every unit, with every status; the open quarter gets a few records here.
dh init --demo >/dev/null
t_report $? "a generated register for 2021-2025 (init --demo)"
added=0
for spec in "thidoan collective association Chi đoàn ấp Tân Trung 2025-10-03" \
	    "kinhte individual good_deeds Lâm Thị Út 2025-10-09" \
	    "phuongnganam individual community Sơn Văn Tài 2025-11-02" \
	    "congan individual official Danh Minh Trí 2025-10-21" \
	    "ttyt collective health Khoa Nhi 2025-11-19"; do
	set -- $spec
	unit=$1 type=$2 cat=$3 date=${!#}
	name=$(echo "$spec" | cut -d' ' -f4- | sed 's/ [0-9-]*$//')
	id=$(dh add --unit "$unit" --type "$type" --category "$cat" --name "$name" --date "$date" \
		2>/dev/null | tail -n 1)
	[ -n "$id" ] && added=$((added + 1))
	case $name in Lâm*) dh review "$id" accept >/dev/null ;;
		      Danh*) dh review "$id" return --reason "Thiếu hồ sơ" >/dev/null ;; esac
done
t_eq "five records added in the open quarter, one accepted, one returned" "$added" 5

# recount YEAR QUARTER REPORT.csv: compare section I of the report with a
# recount from the list and the config; prints "ok" or what differs.
recount() {
	dh list --format tsv --year "$1" --quarter "$2" > "$T_DIR/list.tsv"
	python3 - "$CONF" "$T_DIR/list.tsv" "$3" "$1" "$2" "$DIENHINH_TODAY" <<'PY'
import configparser, csv, datetime, sys
conf, listing, report, year, q, today = sys.argv[1:]
year, q = int(year), int(q)
today = datetime.date.fromisoformat(today)
cp = configparser.ConfigParser(inline_comment_prefixes=('#', ';'), interpolation=None)
cp.read(conf, encoding='utf-8')
unq = lambda s: s.strip().strip('"')
first = datetime.date(year, 3 * q - 2, 1)
last = (datetime.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
        - datetime.timedelta(days=1))
plan = {y for sec in cp.sections() if sec.startswith('period.')
        for y in range(int(cp[sec]['from']), int(cp[sec]['to']) + 1)}
count_returned = cp['dienhinh']['count_returned'] == 'yes'
units = {}
names = [unq(cp[sec]['name']) for sec in cp.sections() if sec.startswith('unit.')]
vn = lambda d: '/'.join(reversed(d.split('-')))
for sec in cp.sections():
    if not sec.startswith('unit.'):
        continue
    u = cp[sec]
    f = u.get('active_from'); t = u.get('active_to')
    active = ((not f or datetime.date.fromisoformat(f) <= last) and
              (not t or datetime.date.fromisoformat(t) >= first))
    # by code: a merged unit and its successor may bear one name, and the
    # report then adds the dates that tell them apart
    name = unq(u['name'])
    if names.count(name) > 1:
        name += (' (từ %s đến %s)' % (vn(f), vn(t)) if f and t else
                 ' (đến %s)' % vn(t) if t else ' (từ %s)' % vn(f))
    units[sec[5:]] = dict(name=name, quota=int(u.get('quota', '0')), active=active)
tally = {}
for row in csv.DictReader(open(listing, encoding='utf-8'), delimiter='\t'):
    t = tally.setdefault(row['unit'], dict(collective=0, individual=0, accepted=0, returned=0))
    t[row['type']] += 1
    t['accepted'] += row['status'] in ('accepted', 'proposed', 'commended', 'revoked')
    t['returned'] += row['status'] == 'returned'
want = {}
for code, u in units.items():
    name = u['name']
    t = tally.get(code, dict(collective=0, individual=0, accepted=0, returned=0))
    total = t['collective'] + t['individual']
    if not u['active'] and not total:
        continue
    required = u['quota'] if u['active'] and year in plan else 0
    counted = total - (0 if count_returned else t['returned'])
    state = ('Không áp dụng' if not required else 'Đạt' if counted >= required
             else 'Thiếu' if last < today else 'Chưa đủ')
    want[name] = [str(required), str(t['collective']), str(t['individual']),
                  str(t['accepted']), str(t['returned']), state]
rows = list(csv.reader(open(report, encoding='utf-8-sig')))
start = next(i for i, r in enumerate(rows) if r[:2] == ['STT', 'Đơn vị'])
got, problems, total = {}, [], None
for r in rows[start + 1:]:
    if r and r[1:2] == ['Tổng cộng']:
        total = r
        break
    if r and r[0].isdigit():
        got[r[1]] = r[2:8]
for name in sorted(set(want) | set(got)):
    if want.get(name) != got.get(name):
        problems.append('%s: report %s, recount %s' % (name, got.get(name), want.get(name)))
sums = [str(sum(int(v[i]) for v in want.values())) for i in range(5)]
met = sum(v[5] == 'Đạt' for v in want.values())
with_quota = sum(v[0] != '0' for v in want.values())
if total is None or total[2:7] != sums or total[7] != '%d/%d đơn vị đạt' % (met, with_quota):
    problems.append('total row %s, recount %s %d/%d' % (total, sums, met, with_quota))
# Section II lists exactly the quarter's exemplars.
listed = sorted(r['name'] for r in csv.DictReader(open(listing, encoding='utf-8'),
                                                   delimiter='\t'))
start = next(i for i, r in enumerate(rows) if r[:2] == ['STT', 'Tên'])
names = sorted(r[1] for r in rows[start + 1:] if r and r[0].isdigit())
if names != listed:
    problems.append('section II lists %d exemplars, the list has %d' % (len(names), len(listed)))
print('\n'.join(problems) if problems else 'ok %d units' % len(want))
PY
}

for yq in "2021 1" "2023 2" "2024 4" "2025 2" "2025 3" "2025 4"; do
	set -- $yq
	dh report quarter --year "$1" --quarter "$2" --format csv -o "$T_DIR/q$1$2.csv" >/dev/null
	out=$(recount "$1" "$2" "$T_DIR/q$1$2.csv")
	t_eq "quarter $2 of $1: the report's numbers equal the recount" "${out%% *}" ok
	[ "${out%% *}" = ok ] || echo "$out" | sed 's/^/# /'
done
out=$(recount 2025 4 "$T_DIR/q20254.csv")
t_eq "the open quarter shows the units active after the merger" "$out" "ok 26 units"
t_contains "the open quarter's state is \"Chưa đủ\"" "$(cat "$T_DIR/q20254.csv")" "Chưa đủ"

# ---- the plan report against the list, the export and the quota listing ------------
dh report plan --format csv -o "$T_DIR/plan.csv" >/dev/null
for y in 2021 2022 2023 2024 2025; do
	dh quota --year $y --format tsv | tail -n +2
done > "$T_DIR/quota.tsv"
dh list --format tsv > "$T_DIR/all.tsv"
dh export -o "$T_DIR/all.csv" >/dev/null
out=$(python3 - "$T_DIR/plan.csv" "$T_DIR/all.tsv" "$T_DIR/all.csv" "$T_DIR/quota.tsv" <<'PY'
import csv, sys
plan, listing, export, quota = sys.argv[1:]
years = [str(y) for y in range(2021, 2026)]
want = {y: [0] * 8 for y in years}
for r in csv.DictReader(open(listing, encoding='utf-8'), delimiter='\t'):
    w = want.get(r['date'][:4])
    if w is None:
        continue
    w[0] += r['type'] == 'collective'
    w[1] += r['type'] == 'individual'
    w[2] += 1
    w[3] += r['status'] in ('accepted', 'proposed', 'commended', 'revoked')
    w[4] += r['status'] == 'commended'
for r in csv.DictReader(open(export, encoding='utf-8')):
    w = want.get(r['Ngày giới thiệu'][:4])
    if w is not None and r['Tuyên truyền']:
        w[5] += len(r['Tuyên truyền'].split('\n'))
for line in open(quota, encoding='utf-8'):
    y, _, _, _, _, state = line.rstrip('\n').split('\t')
    want[y][6] += state == 'met'
    want[y][7] += state == 'short'
rows = list(csv.reader(open(plan, encoding='utf-8')))
start = rows.index(['I. KẾT QUẢ THEO NĂM']) + 2
got = {r[0]: [int(v) for v in r[1:]] for r in rows[start:start + 5]}
problems = ['%s: report %s, recount %s' % (y, got.get(y), want[y])
            for y in years if got.get(y) != want[y]]
total = rows[start + 5]
if total[0] != 'Tổng cộng' or [int(v) for v in total[1:]] != [sum(w[i] for w in want.values())
                                                            for i in range(8)]:
    problems.append('total row %s' % total)
# Section III's total row: introductions per year, as section I has them.
hdr = next(i for i, r in enumerate(rows) if r[:2] == ['STT', 'Đơn vị'])
tot = next(r for r in rows[hdr:] if r[1:2] == ['Tổng cộng'])
if [int(v) for v in tot[2:7]] != [want[y][2] for y in years]:
    problems.append('by unit, total row %s' % tot)
print('\n'.join(problems) if problems else 'ok %d' % sum(w[2] for w in want.values()))
PY
)
t_eq "the plan report's figures by year equal the recount, and its total by unit" \
	"${out%% *}" ok
[ "${out%% *}" = ok ] || echo "$out" | sed 's/^/# /'

# ---- text ------------------------------------------------------------------
for kind in "quarter --year 2024 --quarter 3" "year --year 2024" plan; do
	dh report $kind > "$T_DIR/r.txt"
	t_report $? "report $kind as text"
	w=$(data_widest "$T_DIR/r.txt")
	[ "$w" -le 80 ]
	t_report $? "report ${kind%% *}: every line fits in 80 columns (widest $w)"
done
text=$(dh report quarter --year 2024 --quarter 3)
t_contains "the issuing body top left" "$(echo "$text" | head -n 1)" \
	"ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM"
t_contains "the motto top right" "$(echo "$text" | head -n 1)" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
t_contains "the date line" "$text" "Ngã Năm, ngày 20 tháng 11 năm 2025"
t_contains "the period" "$text" "Quý III năm 2024 (từ ngày 01/07/2024 đến ngày 30/09/2024)"
dh report quarter --year 2024 --quarter 3 --width 120 > "$T_DIR/wide.txt"
t_eq "--width 120 uses up to 120 columns" "$(data_widest "$T_DIR/wide.txt")" 120

# ---- listings within 80 columns ------------------------------------------------
# Display width, not bytes: "Đơn vị" is 6 columns and 9 bytes.
for cmd in "list" "units" "quota --year 2024" "log" "report plan"; do
	dh $cmd > "$T_DIR/l.txt"
	t_report $? "$cmd as text"
	w=$(data_widest "$T_DIR/l.txt")
	[ "$w" -le 80 ]
	t_report $? "$cmd: every line fits in 80 columns at the default width (widest $w)"
done
dh list --width 200 > "$T_DIR/wide-list.txt"
w=$(data_widest "$T_DIR/wide-list.txt")
[ "$w" -gt 80 ] && [ "$w" -le 200 ]
t_report $? "list --width 200 uses more than 80 columns, at most 200 (widest $w)"
t_contains "a cell cut to fit ends in …" "$(dh list | sed -n 3p)" "…"
t_lacks "with room, nothing is cut" "$(cat "$T_DIR/wide-list.txt")" "…"
t_eq "a date keeps its width when others give way" "$(dh list | sed -n 3p | cut -c 6-15)" \
	"$(dh list --format tsv | sed -n 2p | cut -f 2 | awk -F- '{ print $3 "/" $2 "/" $1 }')"
t_fails 2 "--width below 40 is a usage error" dh units --width 20

# ---- usage -------------------------------------------------------------------
t_fails 2 "an unknown report is a usage error" dh report month
t_fails 2 "xlsx without -o is a usage error" dh report year --format xlsx
# A name promising a document this program does not write is refused, and
# nothing is written under it; --format says what is wanted.
t_fails 2 "report -o baocao.pdf is a usage error" dh report year -o "$T_DIR/baocao.pdf"
t_fails 2 "export -o hoso.xls too" dh export -o "$T_DIR/hoso.xls"
t_eq "and neither file was made" "$(ls "$T_DIR" | grep -c -e baocao.pdf -e hoso.xls)" 0
t_contains "the message says what to do" "$(dh report year -o "$T_DIR/baocao.pdf" 2>&1)" \
	"hãy đặt tên tệp có đuôi .txt, .csv, .xlsx hoặc .docx, hoặc ghi --format"
t_fails 2 "docx without -o is a usage error" dh report year --format docx
t_fails 2 "an export is data, not a document: no docx" dh export --format docx -o "$T_DIR/x.docx"
t_ok "report -o baocao.docx writes a Word document" dh report year -o "$T_DIR/baocao.docx"
t_eq "... a zip package, as .docx files are" "$(head -c 2 "$T_DIR/baocao.docx")" PK

# ---- CSV for Excel: a byte order mark first, unless --no-bom ------------------------
bom() { "$@" | head -c 3 | od -An -tx1 | tr -d ' '; }
t_eq "report ... --format csv starts with a byte order mark" \
	"$(bom dh report year --year 2024 --format csv)" efbbbf
t_eq "... written to a file too" \
	"$(dh report year --year 2024 -o "$T_DIR/y-bom.csv" >/dev/null; bom cat "$T_DIR/y-bom.csv")" \
	efbbbf
t_eq "report ... --no-bom starts with the first line" \
	"$(dh report year --year 2024 --format csv --no-bom | head -c 3)" "Ủ"
t_eq "export --format csv starts with a byte order mark" "$(bom dh export --format csv)" efbbbf
[ "$(bom dh export --format csv --no-bom)" != efbbbf ]
t_report $? "export --no-bom does not"
t_ok "with --format, the name is the person's choice" \
	dh report year --format text -o "$T_DIR/baocao.pdf"
t_fails 2 "--year without --quarter for the quarter report" dh report quarter --year 2024

# ---- workbooks, read back with zipfile and xml ----------------------------------
dh report quarter --year 2024 --quarter 3 -o "$T_DIR/q.xlsx" >/dev/null
t_report $? "report quarter -o q.xlsx"
dh report year --year 2024 --format xlsx -o "$T_DIR/y.xlsx" >/dev/null
t_report $? "report year --format xlsx"
dh report plan -o "$T_DIR/p.xlsx" >/dev/null
t_report $? "report plan -o p.xlsx"
dh report quarter --year 2024 --quarter 3 --format csv -o "$T_DIR/q.csv" >/dev/null

# A reader that knows nothing of dienhinh: every sheet as rows of strings or numbers.
cat > "$T_DIR/xlsx.py" <<'PY'
import re, sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
def book(path):
    z = zipfile.ZipFile(path)
    shared = [''.join(t.text or '' for t in si.iter(M + 't'))
              for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]
    names = [s.get('name') for s in ET.fromstring(z.read('xl/workbook.xml')).iter(M + 'sheet')]
    sheets = []
    for i in range(len(names)):
        root = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % (i + 1)))
        rows = {}
        for row in root.iter(M + 'row'):
            cells = {}
            for c in row.iter(M + 'c'):
                col = re.match('[A-Z]+', c.get('r')).group(0)
                v = c.find(M + 'v')
                if v is None:
                    continue
                cells[col] = shared[int(v.text)] if c.get('t') == 's' else float(v.text)
            rows[int(row.get('r'))] = cells
        pane = root.find('.//' + M + 'pane')
        sheets.append(dict(name=names[i], rows=rows, pane=pane.attrib if pane is not None else {}))
    # The fonts of the styles the cells use (the workbook's default style is
    # Calibri, but no cell is left in it).
    styles = ET.fromstring(z.read('xl/styles.xml'))
    names = [f.find(M + 'name').get('val') for f in styles.find(M + 'fonts')]
    xf_font = [int(x.get('fontId')) for x in styles.find(M + 'cellXfs')]
    used = set()
    for i in range(len(sheets)):
        root = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % (i + 1)))
        used |= {int(c.get('s', '0')) for c in root.iter(M + 'c')}
    fonts = {names[xf_font[s]] for s in used}
    return sheets, fonts
PY

out=$(python3 - "$T_DIR/q.xlsx" "$T_DIR/q.csv" "$T_DIR/xlsx.py" <<'PY'
import csv, sys
exec(open(sys.argv[3]).read())
sheets, fonts = book(sys.argv[1])
cover = sheets[0]['rows']
s = sheets[1]
rows = s['rows']
hdr = next(r for r, c in rows.items() if c.get('A') == 'STT')
print('sheets', [x['name'] for x in sheets])
print('fonts', sorted(fonts))
print('heading', cover[1].get('A').replace('\n', ' '), '|', cover[1].get('B'), '|',
      cover[2].get('A'), '|', cover[2].get('B'), '|', cover[4].get('B'))
print('title', cover[6].get('A'))
print('header', [rows[hdr].get(c) for c in 'ABCDEFGH'])
print('frozen', s['pane'].get('state'), s['pane'].get('topLeftCell') == 'A%d' % (hdr + 1))
# Every unit row equals the CSV report's, which the recount checked; numbers are numbers.
want = {r[1]: r[2:7] for r in csv.reader(open(sys.argv[2], encoding='utf-8-sig'))
        if len(r) > 7 and r[0].isdigit()}
got, numeric = {}, True
for r, c in rows.items():
    if r > hdr and isinstance(c.get('A'), float) and isinstance(c.get('B'), str):
        vals = [c.get(x) for x in 'CDEFG']
        numeric &= all(isinstance(v, float) for v in vals)
        got[c['B']] = [str(int(v)) for v in vals]
print('values', 'equal' if got == want and len(got) > 20 else 'differ %s %s' % (got, want),
      'numeric' if numeric else 'text')
PY
)
t_contains "the workbook's sheets are named in Vietnamese" "$out" \
	"sheets ['Báo cáo', 'Theo đơn vị', 'Danh sách gương']"
t_contains "every cell of the workbook is set in Times New Roman" "$out" "fonts ['Times New Roman']"
want="heading ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
want+=" | PHÒNG NỘI VỤ | Độc lập - Tự do - Hạnh phúc | Ngã Năm, ngày 20 tháng 11 năm 2025"
t_contains "the issuing body and the motto head the report's sheet" "$out" "$want"
t_contains "the title" "$out" "title BÁO CÁO KẾT QUẢ GIỚI THIỆU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"
t_contains "the Vietnamese column headers" "$out" \
	"header ['STT', 'Đơn vị', 'Chỉ tiêu', 'Tập thể', 'Cá nhân', 'Đã tiếp nhận', 'Bị trả lại', \
'Kết quả']"
t_contains "the header row is frozen" "$out" "frozen frozen True"
t_contains "the workbook's figures are the recounted ones, stored as numbers" "$out" \
	"values equal numeric"

dh list --year 2024 --quarter 3 --format tsv > "$T_DIR/q3.tsv"
out=$(python3 - "$T_DIR/q.xlsx" "$T_DIR/xlsx.py" "$T_DIR/q3.tsv" <<'PY'
import csv, datetime, sys
exec(open(sys.argv[2]).read())
sheets, fonts = book(sys.argv[1])
rows = sheets[2]['rows']
hdr = next(r for r, c in rows.items() if c.get('A') == 'STT')
# Excel counts days from 1899-12-30; a date cell holds that number, not text.
got = sorted((c['B'], c['E']) for r, c in rows.items() if r > hdr and 'E' in c)
days = lambda d: (datetime.date.fromisoformat(d) - datetime.date(1899, 12, 30)).days
want = sorted((r['name'], float(days(r['date'])))
              for r in csv.DictReader(open(sys.argv[3], encoding='utf-8'), delimiter='\t'))
print('dates', 'equal' if got == want and got else 'differ %s %s' % (got[:3], want[:3]))
PY
)
t_eq "the exemplars' introduction dates are real dates in the workbook" "$out" "dates equal"

out=$(python3 - "$T_DIR/y.xlsx" "$T_DIR/xlsx.py" <<'PY'
import sys
exec(open(sys.argv[2]).read())
sheets, fonts = book(sys.argv[1])
rows = sheets[1]['rows']
hdr = next(r for r, c in rows.items() if c.get('A') == 'Hạng')
print('header', [rows[hdr].get(c) for c in 'ABCDEFGHI'])
# Scores by the shipped scheme (10, -5, 1, 2, 2, 5), worked out here; ranks within blocks.
bad, block, units = [], [], 0
def check(block):
    for r in block:
        above = sum(o['I'] > r['I'] for o in block)
        if r['A'] != above + 1:
            bad.append('rank of %s' % r['B'])
for r in sorted(rows):
    c = rows[r]
    if r <= hdr:
        continue
    if isinstance(c.get('A'), str):          # a block heading or the total
        check(block)
        block = []
        continue
    if isinstance(c.get('A'), float):
        units += 1
        score = 10 * c['C'] - 5 * c['D'] + c['E'] + 2 * c['F'] + 2 * c['G'] + 5 * c['H']
        if score != c['I']:
            bad.append('score of %s' % c['B'])
        block.append(c)
check(block)
print('units', units, 'problems', bad)
PY
)
t_contains "the year report's Vietnamese headers" "$out" \
	"header ['Hạng', 'Đơn vị', 'Quý đạt', 'Quý không đạt', 'Gương được tính', 'Đã tiếp nhận', \
'Lượt tuyên truyền', 'Đã khen thưởng', 'Điểm']"
t_contains "every score follows the scheme and every rank the scores" "$out" "problems []"
t_lacks "the year report lists units" "$out" "units 0 "

out=$(python3 - "$T_DIR/p.xlsx" "$T_DIR/xlsx.py" <<'PY'
import sys
exec(open(sys.argv[2]).read())
sheets, fonts = book(sys.argv[1])
print([s['name'] for s in sheets])
PY
)
t_eq "the plan report has the report's sheet, then a sheet per section" "$out" \
	"['Báo cáo', 'Theo năm', 'Theo lĩnh vực', 'Theo đơn vị', 'Gương được khen thưởng']"

# ---- two units of one name: Xã Tân Long merged away and its successor --------------
# 2025 lists both; each is named with the dates that tell it from the other,
# in the listing, the report as text, the workbook (read by openpyxl) and the
# Word document (its XML read by zipfile); the data keep codes and names.
old="Xã Tân Long (đến 30/06/2025)" new="Xã Tân Long (từ 01/07/2025)"
dh quota --year 2025 > "$T_DIR/q2025.txt"
t_eq "quota --year 2025: the merged unit by its last day, in each quarter" \
	"$(grep -c -F "  $old  " "$T_DIR/q2025.txt")" 4
t_eq "... its successor by its first day, in each quarter" \
	"$(grep -c -F "  $new  " "$T_DIR/q2025.txt")" 4
t_eq "... and no Xã Tân Long without its dates" "$(grep -c "Xã Tân Long" "$T_DIR/q2025.txt")" 8
t_ok "... within 80 columns" test "$(data_widest "$T_DIR/q2025.txt")" -le 80
t_eq "quota --format tsv keeps the codes" \
	"$(dh quota --year 2025 --quarter 1 --format tsv | cut -f 3 | grep tanlong | tr '\n' ' ')" \
	"tanlong tanlongmoi "
t_eq "units --format tsv keeps the names as the config writes them" \
	"$(dh units --format tsv | awk -F'\t' '$1 ~ /^tanlong/ { print $1 "=" $2 }' | tr '\n' ' ')" \
	"tanlong=Xã Tân Long tanlongmoi=Xã Tân Long "
dh report year --year 2025 > "$T_DIR/y2025.txt"
t_eq "the 2025 year report's text names each once, with its dates" \
	"$(grep -c -F -e "$old " -e "$new " "$T_DIR/y2025.txt")" 2
t_ok "... within 80 columns" test "$(data_widest "$T_DIR/y2025.txt")" -le 80
dh report year --year 2025 -o "$T_DIR/y2025.xlsx" >/dev/null &&
	dh report year --year 2025 -o "$T_DIR/y2025.docx" >/dev/null
t_report $? "the 2025 year report as a workbook and a Word document"
out=$(/usr/bin/python3 - "$T_DIR/y2025.xlsx" "$T_DIR/y2025.docx" <<'PY'
import re, sys, zipfile, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
cells = [c.value for ws in book for row in ws.iter_rows() for c in row
         if isinstance(c.value, str) and 'Tân Long' in c.value]
doc = zipfile.ZipFile(sys.argv[2]).read('word/document.xml').decode()
paras = [re.sub('<[^>]+>', '', p) for p in re.findall(r'<w:p[ >].*?</w:p>', doc)]
print('xlsx', sorted(cells), 'docx', sorted(p for p in paras if 'Tân Long' in p))
PY
)
t_eq "the workbook and the document name both, each once, with its dates (sorted)" "$out" \
	"xlsx ['$new', '$old'] docx ['$new', '$old']"

# ---- -o over an existing file keeps its permissions -----------------------------------
for mode in 600 640 604; do
	f=$T_DIR/kept-$mode.csv
	echo old > "$f" && chmod "$mode" "$f"
	dh report quarter --year 2024 --quarter 3 --format csv -o "$f" >/dev/null
	t_eq "report -o over a file of mode $mode keeps $mode" "$(stat -c %a "$f")" "$mode"
	t_lacks "... and holds the report" "$(head -c 200 "$f")" "old"
done
f=$T_DIR/kept.xlsx
echo old > "$f" && chmod 600 "$f"
dh export -o "$f" >/dev/null
t_eq "export -o over a workbook of mode 600 keeps 600" "$(stat -c %a "$f")" 600
(umask 027 && dh export -o "$T_DIR/new.csv" >/dev/null)
t_eq "a new file gets the person's umask (027: 640)" "$(stat -c %a "$T_DIR/new.csv")" 640
