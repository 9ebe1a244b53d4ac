#!/usr/bin/env bash
# The command-line contract: exit statuses, --help, --version, usage errors,
# TSV on every listing, and `show` printing every field.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10

# rc COMMAND...: the exit status, output thrown away.
rc() { "$@" >/dev/null 2>&1; echo $?; }

# ---- before any database ------------------------------------------------------
out=$("$DIENHINH_BIN" --help 2>/dev/null); st=$?
t_eq "--help exits 0" "$st" 0
for c in init units add edit list show quota review resubmit propose commend revoke \
	propagate whoami log check; do
	[[ $out == *$'\n  '"$c "* ]] || { t_report 1 "--help lists $c"; continue; }
	t_report 0 "--help lists $c"
done
t_contains "--help names --format" "$out" "--format"
# A description beside its command starts in the same column on every line
# (the translation pads its own words), so the list reads as a table.
cols=$(grep -E '^  [a-z]' <<<"$out" | sed -nE 's/^(  [^ ].{0,21}[^ ]  +)[^ ].*$/\1/p' |
	while IFS= read -r lead; do echo "${#lead}"; done | sort -u)
t_eq "--help starts every short command's description in one column" \
	"$(wc -l <<<"$cols") $(head -1 <<<"$cols")" "1 27"
# The help fits the 80 columns of a PuTTY window, in both languages: long
# synopses wrap before an option, their description on a line of its own.
sed 's/^language = vi/language = en/' "$DIENHINH_ROOT/conf/dienhinh.ini" >"$T_DIR/en.ini"
en=$("$DIENHINH_BIN" --config "$T_DIR/en.ini" --help 2>/dev/null)
for lang in vi en; do
	[ $lang = vi ] && h=$out || h=$en
	wide=$(while IFS= read -r l; do ((${#l} > 79)) && echo "$l"; done <<<"$h")
	t_eq "--help ($lang) has no line wider than 79 columns" "$wide" ""
	t_contains "--help ($lang) wraps a long synopsis before an option" "$h" \
		$'[--type T]\n      [--status S]'
done
t_contains "--help puts a wrapped command's description in its column" "$out" \
	$'[--reason T]\n                           thêm hồ sơ'
# The manual page documents every command and option --help names.
man=$(sed 's/\\-/-/g; s/\\f[BIPR]//g' "$DIENHINH_ROOT/docs/dienhinh.1")
missing=""
for word in $(grep -o -e '--[a-z][a-z-]*' -e '^  [a-z]*' <<<"$out" | sort -u); do
	[[ $man == *"$word"* ]] || missing+=" $word"
done
t_eq "the manual page names every command and option of --help" "$missing" ""
out=$("$DIENHINH_BIN" --version); st=$?
t_eq "--version exits 0" "$st" 0
[[ $out =~ ^dienhinh\ [0-9]+\.[0-9]+\.[0-9]+$ ]]; t_report $? "--version prints one line: $out"
t_eq "no database yet: refused (1)" "$(rc dh list)" 1
t_eq "missing config: refused (1)" \
	"$(rc "$DIENHINH_BIN" --config "$T_DIR/none.ini" --db "$T_DIR/db" list)" 1
t_eq "unknown global option: usage (2)" "$(rc "$DIENHINH_BIN" --bogus)" 2

out=$(t_init_db 2>&1); st=$?
t_eq "init exits 0" "$st" 0
t_eq "init again exits 0" "$(rc t_init_db)" 0

# ---- usage errors are 2 and write nothing ---------------------------------------
for args in "bogus" "list --bogus" "list --format csv" "list extra" "units --format" \
	"show" "show abc" "show 0" "show -1" "quota --year abc" "quota --quarter 5" \
	"list --year 20x4" "add --type bogus" "add --category nope" "add --gender x" \
	"add --birth-year abc" "add --unit phuong1 extra" "add --version 3" \
	"add --date 24-1-1" "review" "review 1" "review 1 maybe" \
	"review x accept" "resubmit" "propose 1 2" "revoke 1 --form x" "log --since yesterday" \
	"log --record 0" "whoami x" "check x" "edit" "edit x" "init --bogus" "init x" \
	"propagate 1 --channel tv --date 2024-01-01" "commend 1 --date 30-2" \
	"quota --format xml" "show 1 --format"; do
	# shellcheck disable=SC2086
	t_eq "usage error: $args (2)" "$(rc dh $args)" 2
done
t_eq "usage errors wrote nothing" "$(dh list --format tsv | wc -l)" 1
# A date written as one, but of a day that does not exist, is bad data (1), and
# the message says the day does not exist rather than how to write a date.
for args in "add --date 2024-13-01|không có tháng 13" \
	"add --date 31/02/2025|Tháng 2 năm 2025 có 28 ngày" \
	"commend 1 --date 2024-02-30|Tháng 2 năm 2024 có 29 ngày"; do
	# shellcheck disable=SC2086
	err=$(dh ${args%|*} 2>&1 >/dev/null); st=$?
	t_eq "no such day: ${args%|*} (1)" "$st" 1
	t_contains "... says it is not a day that exists" "$err" \
		"không phải là ngày có thật: ${args#*|}"
done
# The message names the option, says what is wrong with it, and comes once.
err=$(dh list --bogus 2>&1)
t_eq "an unknown option is named" "$(head -n 1 <<<"$err")" \
	"dienhinh list: không có tùy chọn --bogus."
t_eq "...in one message and the hint" "$(wc -l <<<"$err")" 2
t_eq "an option of another command is named" "$(dh revoke 1 --form x 2>&1 | head -n 1)" \
	"dienhinh revoke: không có tùy chọn --form."
t_eq "a missing value is said to be missing" "$(dh units --format 2>&1 | head -n 1)" \
	"dienhinh units: tùy chọn --format phải có giá trị đi kèm."
t_eq "a short option among others is named by itself" "$(dh export -xo f 2>&1 | head -n 1)" \
	"dienhinh export: không có tùy chọn -x."
t_eq "an unknown global option" "$(dh --bogus 2>&1 | head -n 1)" \
	"dienhinh: không có tùy chọn --bogus."

# ---- add prints the id only; a refused add is 1 and prints nothing ------------------
out=$(dh add --unit phuong1 --type individual --category official --name "Nguyễn Văn An" \
	--date 2024-08-01 2>"$T_DIR/err"); st=$?
t_eq "add exits 0" "$st" 0
t_eq "add prints the new id and nothing else" "$out" "1"
t_eq "add says nothing on stderr" "$(cat "$T_DIR/err")" ""
out=$(dh add --unit phuong1 --type individual --category official --date 2024-08-01 \
	2>"$T_DIR/err"); st=$?
t_eq "add without a name: refused (1)" "$st" 1
t_eq "a refused add prints no id" "$out" ""
t_contains "the message names the field" "$(cat "$T_DIR/err")" "(--name)"
t_eq "refused (1): unknown unit" "$(rc dh add --unit nowhere --type individual \
	--category official --name B --date 2024-08-01)" 1
t_eq "refused (1): date after today" "$(rc dh add --unit phuong1 --type individual \
	--category official --name B --date 2025-01-11)" 1
t_eq "refused (1): category of the other type" "$(rc dh add --unit phuong1 --type collective \
	--category official --name B --date 2024-08-01)" 1
t_eq "refused (1): no such exemplar" "$(rc dh show 99)" 1
t_eq "refused (1): review of no such exemplar" "$(rc dh review 99 accept)" 1
t_eq "refused adds wrote nothing" "$(dh list --format tsv | wc -l)" 2

# ---- TSV on every listing -------------------------------------------------------
dh add --unit congan --type collective --category defence --name "Đội Cảnh sát giao thông" \
	--date 2024-09-01 >/dev/null
dh review 1 return --reason "Thiếu ảnh; bổ sung" >/dev/null

# tsv_ok NAME HEADER COLUMNS: header exact, every line with COLUMNS fields, no rule line.
tsv_ok() {
	local name=$1 header=$2 cols=$3 out=$4
	t_eq "$name --format tsv: header" "$(head -n 1 <<<"$out")" "$header"
	t_eq "$name --format tsv: $cols tab-separated fields on every line" \
		"$(awk -F'\t' -v n="$cols" 'NF != n { print NR": "NF }' <<<"$out")" ""
	t_lacks "$name --format tsv: no decoration" "$out" "----"
	[ "$(wc -l <<<"$out")" -ge 2 ]; t_report $? "$name --format tsv: has rows"
}
tsv_ok units $'code\tname\tkind\tblock\tquota\tactive_from\tactive_to\tsuccessor' 8 \
	"$(dh units --format tsv)"
tsv_ok list $'id\tdate\tunit\ttype\tcategory\tstatus\tname\tlate' 8 "$(dh list --format tsv)"
tsv_ok show $'field\tvalue' 2 "$(dh show 1 --format tsv)"
tsv_ok quota $'year\tquarter\tunit\trequired\tintroduced\tstate' 6 \
	"$(dh quota --year 2024 --quarter 3 --format tsv)"
tsv_ok log $'seq\ttime\tuser\top\trecord\tfield\tbefore\tafter\tnote' 9 "$(dh log --format tsv)"
# Quarter III/2024 closed on 10/10/2024: what the office enters now is a late entry.
t_eq "list rows" "$(dh list --format tsv | tail -n +2)" \
	$'2\t2024-09-01\tcongan\tcollective\tdefence\tintroduced\tĐội Cảnh sát giao thông\tyes
1\t2024-08-01\tphuong1\tindividual\tofficial\treturned\tNguyễn Văn An\tyes'
t_eq "a value holding ';' comes back whole" \
	"$(dh show 1 --format tsv | awk -F'\t' '$1 == "status_reason" { print $2 }')" \
	"Thiếu ảnh; bổ sung"
for cmd in units list "show 1" quota log; do
	# shellcheck disable=SC2086
	out=$(dh $cmd)
	[[ $out == *$'\n'-----* ]]; t_report $? "$cmd as text: header and rule"
	[[ $out != *$'\t'* ]]; t_report $? "$cmd as text: aligned with spaces, no tabs"
done
# The text headers are Vietnamese (translated when shown, not before).
hdr() { dh "$@" | head -n 1 | tr -s ' '; }
t_eq "units as text: Vietnamese header" "$(hdr units)" "Mã Đơn vị Loại đơn vị Khối thi đua Chỉ tiêu Hoạt động"
t_eq "quota as text: Vietnamese header" "$(hdr quota --year 2024 --quarter 3)" \
	"Năm Quý Đơn vị Chỉ tiêu Đã giới thiệu Tình trạng"
t_eq "show as text: Vietnamese header" "$(hdr show 1)" "Trường Giá trị"
# A listing that cannot be written is a failure, said once, in words.
for cmd in units list "show 1" quota log; do
	for fmt in text tsv; do
		# shellcheck disable=SC2086
		err=$(dh $cmd --format $fmt 2>&1 >/dev/full); st=$?
		t_eq "$cmd --format $fmt to a full disk: refused (1)" "$st" 1
		t_eq "$cmd --format $fmt to a full disk: one message" "$(wc -l <<<"$err")" 1
		t_contains "$cmd --format $fmt to a full disk: the output is named" "$err" \
			"Không ghi được kết quả"
	done
done

# ---- the period when options leave it out (today is 2025-01-10) -------------------
t_eq "quota: this quarter" \
	"$(dh quota --format tsv | tail -n +2 | cut -f 1,2 | sort -u | tr '\t' ' ')" "2025 1"
t_eq "quota --quarter 3: that quarter of this year" \
	"$(dh quota --quarter 3 --format tsv | tail -n +2 | cut -f 1,2 | sort -u | tr '\t' ' ')" \
	"2025 3"
t_eq "quota --year 2024: the four quarters of 2024" \
	"$(dh quota --year 2024 --format tsv | tail -n +2 | cut -f 1,2 | sort -u | tr '\t\n' ' ')" \
	"2024 1 2024 2 2024 3 2024 4 "
t_eq "list --quarter 3: that quarter of this year (none yet)" \
	"$(dh list --quarter 3 --format tsv | tail -n +2)" ""
t_eq "list --year 2024 --quarter 3: both records of the quarter" \
	"$(dh list --year 2024 --quarter 3 --format tsv | tail -n +2 | cut -f 1 | tr '\n' ' ')" \
	"2 1 "
t_contains "report quarter --quarter 2: that quarter of this year" \
	"$(dh report quarter --quarter 2)" "Quý II năm 2025"
t_contains "report quarter: this quarter" "$(dh report quarter)" "Quý I năm 2025"
t_contains "report year: this year" "$(dh report year)" "Năm 2025"
# Past the plan (2021-2025) the screens open on today's quarter, which says
# the plan has ended; so do these.
past() { DIENHINH_TODAY=2026-11-28 dh "$@"; }
t_eq "after the plan, quota: today's quarter" \
	"$(past quota --format tsv | tail -n +2 | cut -f 1,2 | sort -u | tr '\t' ' ')" "2026 4"
t_contains "report quarter: the same" "$(past report quarter)" "Quý IV năm 2026"
t_contains "which says the plan has ended" "$(past report quarter)" \
	"Kế hoạch 2021–2025 đã kết thúc ngày 31/12/2025"
t_contains "report year: this year" "$(past report year)" "Năm 2026"
t_contains "report plan: the last period" "$(past report plan)" "Kế hoạch 2021–2025"
t_eq "quota --quarter 2 still means this year's" \
	"$(past quota --quarter 2 --format tsv | tail -n +2 | cut -f 1,2 | sort -u | tr '\t' ' ')" \
	"2026 2"
t_eq "before the plan, quota: today's quarter" \
	"$(DIENHINH_TODAY=2020-05-01 dh quota --format tsv | tail -n +2 | cut -f 1,2 | sort -u |
		tr '\t' ' ')" "2020 2"

# ---- show prints every field ------------------------------------------------------
id=$(dh add --unit phuong2 --type individual --category good_deeds --name "Trần Thị Ánh" \
	--gender female --birth-year 1985 --position "Tổ trưởng tổ nhân dân tự quản" \
	--workplace "Khóm 4, Phường 2" --movement "Dân vận khéo" \
	--achievements $'Vận động 12 hộ hiến đất làm đường.\nNuôi 3 trẻ mồ côi.' \
	--date 20/07/2024) # dates as people write them, each with its own separator
t_eq "a step says the state it left the record in" "$(dh review "$id" accept)" \
	"Đã lưu. Hồ sơ số $id: Đã tiếp nhận."
t_eq "a propagation too (unchanged)" \
	"$(dh propagate "$id" --channel radio --date 2.9.2024 --ref "Chuyên mục số 9")" \
	"Đã lưu. Hồ sơ số $id: Đã tiếp nhận."
t_eq "a proposal" "$(dh propose "$id" --date 1/12/2024)" \
	"Đã lưu. Hồ sơ số $id: Đề nghị khen thưởng."
dh commend "$id" --form "Giấy khen của Chủ tịch UBND thị xã" --decision "123/QĐ-UBND" \
	--date 20-12-2024 --signer "Nguyễn Văn Tư" >/dev/null
out=$(dh show "$id" --format tsv)
# The fields in the order of the export's columns.
t_eq "show --format tsv: every field, in order" "$(cut -f 1 <<<"$out" | tr '\n' ' ')" \
	"field id version unit type category name gender birth_year position workplace movement \
achievements date late late_reason status status_reason proposal_date form decision \
decision_date signer propagation created_by created_at updated_by updated_at "
field() { awk -F'\t' -v f="$1" '$1 == f { print $2 }' <<<"$out"; }
t_eq "show: id" "$(field id)" "$id"
t_eq "show: version (add, accept, propagate, propose, commend)" "$(field version)" 5
t_eq "show: name" "$(field name)" "Trần Thị Ánh"
t_eq "show: type" "$(field type)" individual
t_eq "show: category" "$(field category)" good_deeds
t_eq "show: unit" "$(field unit)" phuong2
t_eq "show: date" "$(field date)" 2024-07-20
t_eq "show: status" "$(field status)" commended
t_eq "show: late (entered after its quarter closed)" "$(field late)" yes
t_eq "show: proposal_date" "$(field proposal_date)" 2024-12-01
t_eq "show: gender" "$(field gender)" female
t_eq "show: birth_year" "$(field birth_year)" 1985
t_eq "show: position" "$(field position)" "Tổ trưởng tổ nhân dân tự quản"
t_eq "show: workplace" "$(field workplace)" "Khóm 4, Phường 2"
t_eq "show: movement" "$(field movement)" "Dân vận khéo"
t_eq "show: achievements (both lines, on one TSV line)" "$(field achievements)" \
	"Vận động 12 hộ hiến đất làm đường. Nuôi 3 trẻ mồ côi."
t_eq "show: form" "$(field form)" "Giấy khen của Chủ tịch UBND thị xã"
t_eq "show: decision" "$(field decision)" "123/QĐ-UBND"
t_eq "show: decision_date" "$(field decision_date)" 2024-12-20
t_eq "show: signer" "$(field signer)" "Nguyễn Văn Tư"
t_eq "show: propagation" "$(field propagation)" "radio 2024-09-02 Chuyên mục số 9"
t_eq "show: created_by" "$(field created_by)" root
t_eq "show: updated_by" "$(field updated_by)" root
[[ $(field created_at) =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$ ]]
t_report $? "show: created_at is a timestamp"
[[ $(field updated_at) =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T ]]; t_report $? "show: updated_at"
out=$(dh show "$id")
t_contains "show as text: dates as people write them" "$out" "20/07/2024"
t_contains "show as text: the propagation's date too" "$out" "02/09/2024 Chuyên mục số 9"
t_lacks "show as text: no date written YYYY-MM-DD" "$out" "2024-09-02"
t_contains "show as text: the achievements" "$out" "Nuôi 3 trẻ mồ côi."
t_contains "show as text: the unit by its name, with its code" \
	"$(grep -m 1 "^Đơn vị giới thiệu" <<<"$out")" "Phường 2 (phuong2)"

# ---- a list longer than a page -------------------------------------------------------
# list reads its rows a page (256) at a time, writing each page once its read
# transaction is over; the listing must still hold every row once, in order.
demo=$T_DIR/demo
added=$(T_DB=$demo dh init --demo | sed -n 's/.*thêm \([0-9]*\) hồ sơ mẫu.*/\1/p')
[ "${added:-0}" -gt 512 ]; t_report $? "a demo register of more than two pages ($added)"
full=$(T_DB=$demo dh list --format tsv | tail -n +2)
t_eq "list: every record, once" "$(cut -f 1 <<<"$full" | sort -un | wc -l)" "$added"
t_eq "list: the same records as the export" "$(cut -f 1 <<<"$full" | sort -n)" \
	"$(T_DB=$demo dh export | tail -n +2 | cut -d, -f 1 | sort -n)"
cut -f 3 <<<"$full" | LC_ALL=C sort -c; t_report $? "list: units in order across pages"
t_eq "list: collectives before individuals within each unit, across pages" \
	"$(awk -F'\t' '$3 != u { u = $3; seen = 0 } $4 == "individual" { seen = 1 }
		$4 == "collective" && seen { print NR }' <<<"$full")" ""
t_eq "list --type individual: the full list's individuals, in its order" \
	"$(T_DB=$demo dh list --type individual --format tsv | tail -n +2)" \
	"$(awk -F'\t' '$4 == "individual"' <<<"$full")"
want=$(python3 -c '
import sys, unicodedata
for line in sys.stdin:
    name = line.rstrip("\n").split("\t")[6]
    fold = "".join(c for c in unicodedata.normalize("NFD", name)
                   if not unicodedata.combining(c)).lower().replace("đ", "d")
    if "thi" in fold:
        print(line, end="")' <<<"$full")
t_eq "list --search thi: the full list's rows whose name holds it, accents aside" \
	"$(T_DB=$demo dh list --search thi --format tsv | tail -n +2)" "$want"

# ---- the same commands under AddressSanitizer/UBSan --------------------------------
asan=${DIENHINH_ASAN_BIN:-$DIENHINH_ROOT/build/asan/dienhinh}
if [ -x "$asan" ]; then
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:exitcode=86}
	while IFS='|' read -r want args; do
		# shellcheck disable=SC2086
		"$asan" --config "$DIENHINH_ROOT/conf/dienhinh.ini" --db "$T_DIR/db" $args \
			>/dev/null 2>"$T_DIR/asan"
		got=$?
		if grep -q -e 'Sanitizer' -e 'runtime error' "$T_DIR/asan"; then
			t_report 1 "under ASan/UBSan: $args"
			sed 's/^/#   /' "$T_DIR/asan" | head -n 20
		else
			t_eq "under ASan/UBSan: $args (exit $want)" "$got" "$want"
		fi
	done <<-EOF
	0|units --format tsv
	0|list
	0|list --search nguyen --format tsv
	0|show $id
	0|show $id --format tsv
	0|quota --year 2024
	0|log
	0|log --record 1 --format tsv
	0|whoami
	0|check
	1|show 99
	2|bogus
	2|list --bogus
	0|add --unit phuong3 --type individual --category official --name Lê --date 2024-08-01
	1|add --unit phuong3 --type individual --category official --name Lê --date 2024-08-01
	0|edit 4 --name Bùi --version 1
	1|edit 4 --name Lý --version 1
	1|review 4 accept
	0|edit 4 --achievements Giỏi
	0|review 4 accept
	1|review 4 return
	0|propagate $id --remove 1 --reason Nhầm
	0|edit $id --signer Tư --reason Sai_tên
	0|revoke $id --reason Sai
	0|withdraw 4 --reason Nhầm
	0|reopen 4 --reason Không_nhầm
	EOF
	# Pages of the list, and a search copied whole, under the sanitizers too.
	for args in "list --format tsv" "list --search thi --format tsv"; do
		# shellcheck disable=SC2086
		out=$("$asan" --config "$DIENHINH_ROOT/conf/dienhinh.ini" --db "$demo" $args \
			2>"$T_DIR/asan")
		got=$?
		! grep -q -e 'Sanitizer' -e 'runtime error' "$T_DIR/asan" && [ "$got" -eq 0 ] &&
			[ "$out" == "$(T_DB=$demo dh $args)" ]
		t_report $? "under ASan/UBSan: $args on the demo register"
	done
fi
