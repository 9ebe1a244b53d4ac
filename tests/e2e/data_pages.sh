#!/usr/bin/env bash
# Reports on pages, as another program shows them: LibreOffice converts
# each report (quarter, year, plan) written as a workbook and as a Word
# document to PDF, and pdftotext says where every word landed.  On every
# page no two lines overlap and no word runs past the printable area; the
# first page holds the document's parts once each, in reading order; the
# figures in the PDF are those `quota --format tsv` gives; and no cell of
# a workbook outside its tables has a border (read from the workbook's
# XML with Python's zipfile).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/data_common.bash"
data_bin || exit 1
PAGES=$DIENHINH_ROOT/tests/e2e/pages.py

for tool in soffice pdftotext; do
	if ! command -v $tool >/dev/null; then
		echo "not ok 1 - $tool is not installed (.ci/deps installs it)"
		exit 1
	fi
done

dh init --demo >/dev/null
t_report $? "a register with the demo data"
# A name with XML's own characters, which the document must carry as text.
dh add --unit ttyt --type collective --category health --name 'Khoa <Nhi> & "Sơ sinh"' \
	--date 2024-08-15 >/dev/null
t_report $? "an exemplar named with < & > and quotes"

# One file per report and format; the base names differ, for the PDFs'.
# The year 2025 lists Xã Tân Long twice, merged away on 30/06 and its
# successor of the same name, each with its dates: the longest unit names.
specs=("quarter --year 2024 --quarter 3" "year --year 2025" "plan")
names=(quarter year plan)
for i in 0 1 2; do
	n=${names[$i]}
	# shellcheck disable=SC2086
	dh report ${specs[$i]} -o "$T_DIR/${n}_xlsx.xlsx" --signer "Nguyễn Văn An" >/dev/null &&
	dh report ${specs[$i]} -o "$T_DIR/${n}_docx.docx" --signer "Nguyễn Văn An" \
		$([ "$n" = year ] && echo "--number 15") >/dev/null
	t_report $? "report ${specs[$i]} as .xlsx and .docx"
done

# One LibreOffice run converts all six (it starts slowly); a private profile,
# so that runs side by side and root can use it.  soffice returns when done;
# the timeout only stops a hung one.
mkdir -p "$T_DIR/pdf"
timeout 600 soffice --headless --norestore "-env:UserInstallation=file://$T_DIR/lo" \
	--convert-to pdf --outdir "$T_DIR/pdf" "$T_DIR"/*_xlsx.xlsx "$T_DIR"/*_docx.docx \
	>"$T_DIR/soffice.log" 2>&1
t_report $? "LibreOffice converts the workbooks and documents to PDF (exit 0)"

titles=("BÁO CÁO KẾT QUẢ GIỚI THIỆU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"
	"BẢNG CHẤM ĐIỂM THI ĐUA CUỐI NĂM VỀ GIỚI THIỆU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"
	"BÁO CÁO TỔNG KẾT CÔNG TÁC XÂY DỰNG VÀ NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
for i in 0 1 2; do
	for fmt in xlsx docx; do
		n=${names[$i]}_$fmt
		pdf=$T_DIR/pdf/$n.pdf
		[ -s "$pdf" ] && pdftotext -bbox-layout "$pdf" "$T_DIR/$n.html"
		t_report $? "$n: a PDF whose words pdftotext can place"
		# The parts in the order a person reads them; the signer's name once.
		/usr/bin/python3 "$PAGES" "$T_DIR/$n.html" "PHÒNG NỘI VỤ" "Số:" \
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
			"Ngã Năm, ngày 20 tháng 11 năm 2025" "${titles[$i]}" "TRƯỞNG PHÒNG" \
			"Nơi nhận:" > "$T_DIR/$n.out"
		out=$(sed '/^rows:$/q' "$T_DIR/$n.out")
		t_contains "$n: no two lines overlap" "$out" "overlaps: none"
		t_contains "$n: no word outside the printable area" "$out" "outside: none"
		t_contains "$n: the first page has each part of the document once, in order" \
			"$out" "first page: ok"
		t_eq "$n: the signer's name once" \
			"$(sed '1,/^rows:$/d' "$T_DIR/$n.out" | grep -o 'Nguyễn Văn An' | wc -l)" 1
		t_lacks "$n: the tables are annexes on later pages" "$out" "pages 1"$'\n'
		# Each annex's label and the line tying it to the report stand on
		# a line each, whole: their merged cells are wide enough.
		t_eq "$n: every annex's label and its (Kèm theo …) line, each on one line" \
			"$(grep -cE '^\(Kèm theo Báo cáo số .*/BC-PNV ngày [0-9]{2}/[0-9]{2}/[0-9]{4}\)$' \
				"$T_DIR/$n.out")" "$(grep -cE '^Phụ lục [IVX]+$' "$T_DIR/$n.out")"
		t_eq "$n: the national heading once in the whole document (the annexes have none)" \
			"$(grep -c 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "$T_DIR/$n.out")" 1
		# A table that goes on over a page starts that page with its header
		# row again (print titles; a Word table's repeated header row).
		t_eq "$n: every later page without an annex's label starts its table with the header" \
			"$(sed '1,/^rows:$/d' "$T_DIR/$n.out" | awk '
				/^page / { if (n > 1 && !label && !head) bad = bad " " n
					   n = $2; label = 0; head = 0; next }
				/^Phụ lục / { label = 1 }
				/^(STT|Hạng) / { head = 1 }
				END { if (n > 1 && !label && !head) bad = bad " " n
				      print "pages without a header:" (bad ? bad : " none") }')" \
			"pages without a header: none"
	done
done
t_ok "the plan's annexes go on over more pages than they have labels" \
	test "$(grep -c '^page ' "$T_DIR/plan_xlsx.out")" -gt \
	"$(grep -c '^Phụ lục ' "$T_DIR/plan_xlsx.out")"
# A name wider than its column wraps (the document's narrow column breaks
# it before the date): the date is on the name's line or the next two.
dated() { sed '1,/^rows:$/d' "$T_DIR/year_$1.out" | grep -A 2 -F "Xã Tân Long ($2" |
	  grep -c -F "$3)"; }
for fmt in xlsx docx; do
	t_eq "year_$fmt: the unit merged away in 2025, with its last day" \
		"$(dated $fmt đến 30/06/2025)" 1
	t_eq "year_$fmt: its successor of the same name, with its first" \
		"$(dated $fmt từ 01/07/2025)" 1
done
rows=$(sed '1,/^rows:$/d' "$T_DIR/year_docx.out")
t_contains "the number given is printed" "$rows" "Số: 15/BC-PNV"
t_contains "the annexes tie themselves to the report by its number" "$rows" \
	"(Kèm theo Báo cáo số 15/BC-PNV ngày 20/11/2025)"
rows=$(sed '1,/^rows:$/d' "$T_DIR/quarter_xlsx.out")
t_contains "an annex's label" "$rows" "Phụ lục II"
t_contains "a blank number leaves room to write it in" "$rows" "Số: /BC-PNV"

rows=$(sed '1,/^rows:$/d' "$T_DIR/quarter_docx.out")
t_contains "the name with < & > stands on the page as typed (its first line)" "$rows" "Khoa <Nhi>"
t_contains "... and its second" "$rows" '& "Sơ sinh"'

# ---- the Word document's own settings, read from its XML ------------------------------
out=$(/usr/bin/python3 - "$T_DIR/quarter_docx.docx" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
doc = ET.fromstring(z.read('word/document.xml'))
styles = ET.fromstring(z.read('word/styles.xml'))
sect = doc.find('.//' + W + 'sectPr')
size = {k: sect.find(W + 'pgSz').get(W + k) for k in ('w', 'h', 'orient')}
mm = lambda tw: round(int(tw) / 56.7)
mar = {k: mm(sect.find(W + 'pgMar').get(W + k)) for k in ('top', 'bottom', 'left', 'right')}
font = styles.find('.//' + W + 'rFonts').get(W + 'ascii')
sizes = {int(e.get(W + 'val')) / 2 for e in doc.iter(W + 'sz')}
tables = [t for t in doc.iter(W + 'tbl') if t.find('.//' + W + 'tblBorders') is not None]
repeat = all(t.find(W + 'tr/' + W + 'trPr/' + W + 'tblHeader') is not None for t in tables)
print('A4 portrait' if size == {'w': '11906', 'h': '16838', 'orient': None} else size,
      mar, font, 'body 14' if 14 in sizes else sorted(sizes),
      len(tables), 'tables, header rows repeat' if repeat else 'a header row does not repeat')
PY
)
t_eq "docx: A4 portrait, margins 20/20/30/15 mm, Times New Roman, 14 pt body, header rows" \
	"$out" "A4 portrait {'top': 20, 'bottom': 20, 'left': 30, 'right': 15} Times New Roman body 14 2 tables, header rows repeat"

# ---- the figures on the pages, against the quota listing ----------------------------
dh units --format tsv > "$T_DIR/units.tsv"
dh quota --year 2024 --quarter 3 --format tsv > "$T_DIR/quota.tsv"
for fmt in docx xlsx; do
	out=$(/usr/bin/python3 - "$T_DIR/quarter_$fmt.out" "$T_DIR/units.tsv" "$T_DIR/quota.tsv" <<'PY'
import csv, re, sys
from collections import Counter
rows = open(sys.argv[1], encoding='utf-8').read().split('\nrows:\n', 1)[1].splitlines()
quota = list(csv.DictReader(open(sys.argv[3], encoding='utf-8'), delimiter='\t'))
# A unit's row: its number, its name (or, where the name wraps, not beside
# the figures), the quota, collective, individual, accepted and returned,
# then the state in words.  Units with neither quota nor introductions are
# left out on both sides: the listing has units the quarter's report does
# not show (not yet active), the page every unit active in the quarter.
row = re.compile(r'^\d+ (?:.+? )?(\d+) (\d+) (\d+) (\d+) (\d+)(?: \D.*)?$')
got = Counter()
for r in rows:
    m = row.match(r)
    if m and not r.startswith('Tổng cộng'):
        got[(int(m.group(1)), int(m.group(2)) + int(m.group(3)))] += 1
want = Counter((int(q['required']), int(q['introduced'])) for q in quota)
del got[(0, 0)], want[(0, 0)]
problems = [] if got == want else ['page %s, listing %s' % (sorted(got.items()),
                                                            sorted(want.items()))]
total = [r for r in rows if r.startswith('Tổng cộng')]
m = total and re.match(r'Tổng cộng (\d+) (\d+) (\d+) ', total[0])
if not m or (int(m.group(1)), int(m.group(2)) + int(m.group(3))) != (
        sum(int(q['required']) for q in quota), sum(int(q['introduced']) for q in quota)):
    problems.append('total %s' % total[:1])
matched = sum(got.values()) > 10
print('problems', problems, 'matched', matched)
PY
)
	t_eq "quarter_$fmt: every unit's quota and introductions on the page are the listing's" \
		"$out" "problems [] matched True"
done

# ---- the workbooks' XML: borders only in the tables, the annexes' page set-up ----
# No cell outside a table has a border.
# Each annex sheet: A4, one page wide (fitToPage, fitToWidth 1, any height),
# its header row repeated on every printed page (_xlnm.Print_Titles), the
# page number in the footer; STT and rank columns centred, figures right-
# aligned, and a text cell right of a figure set in from its border.
out=$(/usr/bin/python3 - "$T_DIR"/*_xlsx.xlsx <<'PY'
import re, sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
def col(ref):
    n = 0
    for ch in re.match('[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n
stray = []
for path in sys.argv[1:]:
    z = zipfile.ZipFile(path)
    styles = ET.fromstring(z.read('xl/styles.xml'))
    boxed_border = [any(side.get('style') for side in b) for b in styles.find(M + 'borders')]
    boxed = [boxed_border[int(x.get('borderId', '0'))] for x in styles.find(M + 'cellXfs')]
    sheets = sorted(n for n in z.namelist() if re.match(r'xl/worksheets/sheet\d+\.xml$', n))
    shared = ET.fromstring(z.read('xl/sharedStrings.xml'))
    empty_str = {i for i, si in enumerate(shared.iter(M + 'si'))
                 if not ''.join(t.text or '' for t in si.iter(M + 't')).strip()}
    for name in sheets:
        root = ET.fromstring(z.read(name))
        where = '%s %s' % (path.rsplit('/', 1)[-1], name.rsplit('/', 1)[-1])
        # A column's or a row's own style is what every empty cell in it shows.
        for c in root.iter(M + 'col'):
            if boxed[int(c.get('style', '0'))]:
                stray.append('%s: column %s' % (where, c.get('min')))
        for r in root.iter(M + 'row'):
            if r.get('customFormat') == '1' and boxed[int(r.get('s', '0'))]:
                stray.append('%s: row %s' % (where, r.get('r')))
        # The tables: the rows where a bordered cell holds something, as far
        # as such cells reach; a bordered cell anywhere else is an empty box.
        rows = {}
        for r in root.iter(M + 'row'):
            cells = []
            for c in r.iter(M + 'c'):
                v = c.find(M + 'v')
                full = v is not None and not (c.get('t') == 's' and int(v.text) in empty_str)
                cells.append((col(c.get('r')), boxed[int(c.get('s', '0'))], full, c.get('r')))
            rows[int(r.get('r'))] = cells
        last = max((n for cells in rows.values() for n, b, full, _ in cells if b and full),
                   default=0)
        for cells in rows.values():
            table_row = any(b and full for _, b, full, _ in cells)
            for n, b, full, ref in cells:
                if b and (not table_row or n > last):
                    stray.append('%s: %s' % (where, ref))
print('stray borders:', stray[:5] if stray else 'none')
problems, orient = [], {}
for path in sys.argv[1:]:
    z = zipfile.ZipFile(path)
    base = path.rsplit('/', 1)[-1]
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    names = [s.get('name') for s in wb.iter(M + 'sheet')]
    titles = {int(d.get('localSheetId')): d.text for d in wb.iter(M + 'definedName')
              if d.get('name') == '_xlnm.Print_Titles'}
    xfs = list(ET.fromstring(z.read('xl/styles.xml')).find(M + 'cellXfs'))
    align = [(x.find(M + 'alignment').get('horizontal'),
              int(x.find(M + 'alignment').get('indent', '0')))
             if x.find(M + 'alignment') is not None else (None, 0) for x in xfs]
    shaded = [x.get('fillId', '0') != '0' for x in xfs]   # the header row's cells
    plain = [x.get('numFmtId', '0') == '0' for x in xfs]   # not a date
    shared = [''.join(t.text or '' for t in si.iter(M + 't'))
              for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]
    for i in range(1, len(names)):
        ws = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % (i + 1)))
        where = '%s %s' % (base, names[i])
        setup = ws.find(M + 'pageSetup')
        fit = ws.find(M + 'sheetPr/' + M + 'pageSetUpPr')
        if (setup.get('paperSize') != '9' or fit is None or fit.get('fitToPage') != '1' or
                setup.get('fitToWidth', '1') != '1' or setup.get('fitToHeight') != '0'):
            problems.append(where + ': not fitted to A4 width')
        orient[where] = setup.get('orientation')
        foot = ws.find(M + 'headerFooter/' + M + 'oddFooter')
        if foot is None or '&P' not in foot.text:
            problems.append(where + ': no page number in the footer')
        rows = {int(r.get('r')): {col(c.get('r')): c for c in r.iter(M + 'c')}
                for r in ws.iter(M + 'row')}
        text = lambda c: (shared[int(c.find(M + 'v').text)] if c.get('t') == 's'
                          else c.find(M + 'v').text) if c.find(M + 'v') is not None else ''
        head = min((r for r, cells in rows.items()
                    if cells.get(1) is not None and shaded[int(cells[1].get('s', '0'))]),
                   default=None)
        seq = head is not None and text(rows[head][1]) in ('STT', 'Hạng')
        if head is None or not re.search(r"!\$%d:\$%d$" % (head, head), titles.get(i, '')):
            problems.append(where + ': the header row is not a print title')
            continue
        for r, cells in rows.items():
            if r <= head:
                continue
            for n, c in sorted(cells.items()):
                h, indent = align[int(c.get('s', '0'))]
                number = (c.get('t') is None and c.find(M + 'v') is not None and
                          plain[int(c.get('s', '0'))])
                if n == 1 and seq and number and h != 'center':
                    problems.append('%s %s: STT not centred' % (where, c.get('r')))
                elif (n > 1 or not seq) and number and h != 'right':
                    problems.append('%s %s: a figure not right-aligned' % (where, c.get('r')))
                left = cells.get(n - 1)
                if (n > 2 and c.get('t') == 's' and left is not None and
                        left.get('t') is None and left.find(M + 'v') is not None and
                        indent < 1 and h == 'left'):
                    problems.append('%s %s: text against a figure' % (where, c.get('r')))
print('problems:', problems[:4] if problems else 'none')
print('landscape:', sorted(k for k, v in orient.items() if v == 'landscape'))
print('portrait:', len([v for v in orient.values() if v == 'portrait']))
PY
)
t_contains "no cell outside a workbook's tables has a border" "$out" "stray borders: none"
t_contains "every annex sheet: A4, one page wide, print titles, page numbers, STT centred, figures right" \
	"$out" "problems: none"
# The lists of exemplars (name, unit, decision...) are too wide for a
# portrait page; the other annexes fit one.
t_contains "the wide lists of exemplars are set landscape, and only they" "$out" \
	"landscape: ['plan_xlsx.xlsx Gương được khen thưởng', 'quarter_xlsx.xlsx Danh sách gương']"
t_contains "the five other annexes portrait" "$out" "portrait: 5"
