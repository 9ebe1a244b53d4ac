#!/usr/bin/env bash
# Mistakes put right, and closed quarters kept closed, through the command
# line on 14/11/2025 with the shipped late_days = 10: quarter III/2025 closed
# on 10/10/2025, quarter IV is open.  Staff of Phường Ngã Năm (canbo) are
# refused what is dated in a closed quarter; the office records it as a late
# entry, which counts toward the quota and the 2022 score as count_late says.
# Withdrawing and reopening move the quota at once, and every correction is
# in `log --record` with who, why, and every field before and after.
# (Which role may make which correction is roles_matrix.sh's.)
. "$(dirname "$0")/lib.sh"
export DIENHINH_USER=root DIENHINH_TODAY=2025-11-14
sed -e 's/^root = office$/root = office\ncanbo = phuongnganam/' \
	"$DIENHINH_ROOT/conf/dienhinh.ini" >"$T_DIR/late.ini"
sed 's/^count_late = yes$/count_late = no/' "$T_DIR/late.ini" >"$T_DIR/nolate.ini"
export T_CONFIG=$T_DIR/late.ini
t_init_db

staff() { DIENHINH_USER=canbo dh "$@"; }
count() { dh list --format tsv | tail -n +2 | wc -l; }
field() { dh show "$1" --format tsv | awk -F'\t' -v f="$2" '$1 == f { print $2 }'; }
# quota YEAR QUARTER UNIT [CONFIG]: "counted/required state"
quota() {
	T_CONFIG=${4:-$T_CONFIG} dh quota --year "$1" --quarter "$2" --format tsv |
		awk -F'\t' -v u="$3" '$3 == u { print $5 "/" $4 " " $6 }'
}
# score UNIT-NAME [CONFIG]: the unit's 2022 score, the last cell of its row.
score() {
	T_CONFIG=${2:-$T_CONFIG} dh report year --year 2022 --format csv |
		tr -d '\r' | awk -F, -v u="$1" '$2 == u { print $NF }'
}
person() { # UNIT NAME DATE [more options]: add as whoever DIENHINH_USER is
	local unit=$1 name=$2 date=$3
	shift 3
	dh add --unit "$unit" --type individual --category official --name "$name" \
		--achievements "Vận động 30 hộ hiến đất" --date "$date" "$@"
}

# ---- 2022: one exemplar entered in its own quarter, as the office did then --------------
DIENHINH_TODAY=2022-02-15 person phuong1 "Lâm Văn Đức" 2022-02-01 >/dev/null
q_before=$(quota 2022 1 phuong1) score_before=$(score "Phường 1")
t_eq "2022 Q1 of Phường 1 before the late entry: 1 of 2, short" "$q_before" "1/2 short"
[ -n "$score_before" ]; t_report $? "Phường 1 has a 2022 score ($score_before)"

# ---- staff, a closed quarter: refused, naming it ------------------------------------------
n=$(count)
err=$(DIENHINH_USER=canbo person phuongnganam "Trần Thị Thu" 2025-08-15 2>&1 >/dev/null)
t_eq "staff add dated 15/08/2025: refused (exit 1)" "$?" 1
t_contains "the refusal names the quarter and when it closed" "$err" \
	"quý III/2025 đã khóa sổ từ ngày 10/10/2025"
t_contains "and that the office can record a late entry" "$err" "Phòng Nội vụ có thể ghi bổ sung"
t_eq "the count is unchanged" "$(count)" "$n"
ok=$(DIENHINH_USER=canbo person phuongnganam "Trần Thị Thu" 2025-10-20); st=$?
t_eq "staff add dated 20/10/2025 (quarter IV, open): done" "$st" 0
t_eq "not a late entry" "$(field "$ok" late)" ""
t_eq "the count is one more" "$(count)" $((n + 1))

# ---- the office records a late entry for Phường 1 ----------------------------------------
late=$(person phuong1 "Nguyễn Văn Út" 2022-02-10 --reason "Số hóa danh sách giấy năm 2022")
t_eq "office add dated 10/02/2022 with --reason: done" "$?" 0
t_eq "show: marked late" "$(field "$late" late)" yes
t_eq "show: with the reason" "$(field "$late" late_reason)" "Số hóa danh sách giấy năm 2022"
t_contains "show as text too" "$(dh show "$late")" "Số hóa danh sách giấy năm 2022"
t_eq "list: the late column" \
	"$(dh list --format tsv | awk -F'\t' -v id="$late" '$1 == id { print $8 }')" yes
t_contains "list as text: its header" "$(dh list | head -n 1)" "Ghi bổ sung"
t_eq "a reason given with an entry that is not late is not kept" \
	"$(field "$(person phuongnganam "Lê Văn Hai" 2025-11-01 --reason "x")" late_reason)" ""
q=$(dh report quarter --year 2022 --quarter 1 --format csv)
t_contains "the quarter report notes the late entry" "$q" \
	"Ghi bổ sung sau khi quý kết thúc, hồ sơ số: $late. Các hồ sơ này được tính"

# count_late = yes (shipped): it counts; no: as before it
t_eq "count_late = yes: 2022 Q1 of Phường 1 now 2 of 2, met" "$(quota 2022 1 phuong1)" "2/2 met"
score_yes=$(score "Phường 1")
[ "$score_yes" -gt "$score_before" ]
t_report $? "count_late = yes: the 2022 score rises ($score_before → $score_yes)"
t_eq "count_late = no: the quota state is as before the entry" \
	"$(quota 2022 1 phuong1 "$T_DIR/nolate.ini")" "$q_before"
t_eq "count_late = no: the 2022 score is as before the entry" \
	"$(score "Phường 1" "$T_DIR/nolate.ini")" "$score_before"
t_contains "count_late = no: the quarter report says they do not count" \
	"$(T_CONFIG=$T_DIR/nolate.ini dh report quarter --year 2022 --quarter 1 --format csv)" \
	"Các hồ sơ này không được tính vào chỉ tiêu và điểm thi đua."

# ---- staff cannot change what lies in a closed quarter --------------------------------
q3=$(person phuongnganam "Võ Thị Ba" 2025-08-20 --reason "Sót khi tổng hợp")
t_eq "the office adds one to quarter III/2025: late" "$(field "$q3" late)" yes
dh review "$q3" return --reason "Thiếu ảnh" >/dev/null
before=$(dh show "$q3" --format tsv)
for args in "edit $q3 --position Tổ_trưởng" "resubmit $q3" "withdraw $q3 --reason Nhầm" \
	"edit $ok --date 2025-08-20"; do
	# shellcheck disable=SC2086
	err=$(staff $args 2>&1 >/dev/null); st=$?
	t_eq "staff $args: refused (exit 1)" "$st" 1
	t_contains "staff $args: names the closed quarter" "$err" "quý III/2025 đã khóa sổ"
done
t_eq "and nothing changed" "$(dh show "$q3" --format tsv)" "$before"
t_eq "the open-quarter record kept its date" "$(field "$ok" date)" 2025-10-20

# ---- imports (CSV, .xlsx): rows in a closed quarter are late entries, one reason for all --------------
printf 'Tên,Lĩnh vực,Đơn vị,Ngày giới thiệu\nĐặng Văn Năm,official,phuongnganam,2025-08-25\nĐặng Văn Sáu,official,phuongnganam,2025-10-25\n' \
	>"$T_DIR/late.csv"
t_ok "office import with --reason" dh import exemplars "$T_DIR/late.csv" --reason "Danh sách giấy"
id5=$(dh list --search "Đặng Văn Năm" --format tsv | tail -n 1 | cut -f 1)
id6=$(dh list --search "Đặng Văn Sáu" --format tsv | tail -n 1 | cut -f 1)
t_eq "the row of quarter III: late, with the import's reason" \
	"$(field "$id5" late)|$(field "$id5" late_reason)" "yes|Danh sách giấy"
t_eq "the row of quarter IV: neither" "$(field "$id6" late)|$(field "$id6" late_reason)" "|"
# an office's .xlsx (its rows of quarter III/2024): the same, read through the workbook
/usr/bin/python3 "$DIENHINH_ROOT/tests/e2e/office_sheets.py" good "$T_DIR" >/dev/null
t_ok "office import of a workbook with --reason" \
	dh import exemplars "$T_DIR/office.xlsx" --reason "Bảng Excel năm 2024"
t_eq "its rows: late, with the import's reason" \
	"$(dh export | /usr/bin/python3 -c '
import csv, sys
print(sorted({(r["Ngày giới thiệu"][:7], r["Ghi bổ sung"], r["Lý do ghi bổ sung"])
              for r in csv.DictReader(sys.stdin) if r["Ngày giới thiệu"][:4] == "2024"}))')" \
	"[('2024-07', 'có', 'Bảng Excel năm 2024'), ('2024-08', 'có', 'Bảng Excel năm 2024'), ('2024-09', 'có', 'Bảng Excel năm 2024')]"

# ---- withdraw and reopen move the quota at once -------------------------------------------
q4() { quota 2025 4 phuongnganam | cut -d/ -f 1; }
n4=$(q4)
t_ok "staff withdraw their own introduced record" staff withdraw "$ok" --reason "Nhập trùng"
t_eq "withdrawn" "$(field "$ok" status)" withdrawn
t_eq "the quarter's quota count is one lower" "$(q4)" $((n4 - 1))
t_lacks "list leaves it out" "$(dh list --format tsv | cut -f 1)" "$ok"$'\n'
t_eq "list --status withdrawn shows it" \
	"$(dh list --status withdrawn --format tsv | tail -n +2 | cut -f 1)" "$ok"
out=$(dh check 2>&1)
t_report $? "check passes after the withdrawal"
err=$(staff reopen "$ok" --reason "Không trùng" 2>&1 >/dev/null)
t_eq "staff cannot restore it (exit 1)" "$?" 1
t_contains "... only the office" "$err" "Phòng Nội vụ"
t_ok "the office reopens it" dh reopen "$ok" --reason "Không trùng"
t_eq "introduced again" "$(field "$ok" status)" introduced
t_eq "the quota count is back" "$(q4)" "$n4"
out=$(dh check 2>&1)
t_report $? "check passes after the reopening"

# ---- checks a careful office expects --------------------------------------------------------
c=$(person ttyt "Huỳnh Thị Bảy" 2025-10-05)
dh review "$c" accept >/dev/null && dh propose "$c" --date 2025-11-01 >/dev/null
before=$(dh show "$c" --format tsv)
err=$(dh commend "$c" --form "Giấy khen" --decision "9/QĐ" --date 2025-10-30 \
	--signer "Chủ tịch" 2>&1 >/dev/null)
t_eq "a decision dated before its proposal: refused (exit 1)" "$?" 1
t_contains "... naming the proposal's date" "$err" "trước ngày đề nghị khen thưởng (01/11/2025)"
err=$(dh commend "$c" --form "Giấy khen" --decision "9/QĐ" --date 2025-11-02 2>&1 >/dev/null)
t_eq "a commendation without a signer: refused (exit 1)" "$?" 1
t_contains "... naming the signer" "$err" "(signer)"
t_eq "the record is still proposed, unchanged" "$(dh show "$c" --format tsv)" "$before"
n=$(count)
long=$(printf 'a%.0s' $(seq 201))
err=$(person ttyt "$long" 2025-10-06 2>&1 >/dev/null)
t_eq "a name of 201 characters: refused (exit 1)" "$?" 1
t_contains "... with the limit" "$err" "tối đa 200"
t_eq "nothing stored" "$(count)" "$n"
d=$(DIENHINH_TODAY=2025-10-10 dh add --unit ttyt --type individual --category official \
	--name "Không Thành Tích" --date 2025-10-06)
err=$(dh review "$d" accept 2>&1 >/dev/null)
t_eq "accepting with empty achievements: refused (exit 1)" "$?" 1
t_contains "... naming them" "$err" "(achievements)"

# ---- every correction of one record, in its log --------------------------------------------
dh commend "$c" --form "Giấy khen" --decision "9/QĐ" --date 2025-11-02 --signer "Chủ tịch" \
	>/dev/null
dh propagate "$c" --channel radio --date 2025-11-03 --ref "Số 1" >/dev/null
dh propagate "$c" --channel portal --date 2025-11-04 --ref "Trang tin" >/dev/null
t_contains "show numbers the propagations" "$(dh show "$c")" "Tuyên truyền 2"
t_ok "correct the decision number" dh edit "$c" --decision "19/QĐ-UBND" --reason "Ghi sai số"
t_ok "remove the first propagation" dh propagate "$c" --remove 1 --reason "Ghi nhầm kênh"
t_eq "the second is left" "$(field "$c" propagation)" "portal 2025-11-04 Trang tin"
t_ok "withdraw (the office, whatever the status)" dh withdraw "$c" --reason "Hồ sơ trùng"
t_ok "reopen" dh reopen "$c" --reason "Không trùng"
log=$(dh log --record "$c" --format tsv | awk -F'\t' -v OFS='|' \
	'$4 ~ /^(correct|unpropagate|withdraw|reopen)$/ { print $3, $4, $6, $7, $8, $9 }')
t_eq "log --record: every correction, with who, why, before and after" "$log" \
	"root|correct|decision|9/QĐ|19/QĐ-UBND|Ghi sai số
root|unpropagate|propagation|radio 2025-11-03 Số 1||Ghi nhầm kênh
root|withdraw|status|commended|withdrawn|Hồ sơ trùng
root|withdraw|status_reason||Hồ sơ trùng|Hồ sơ trùng
root|reopen|status|withdrawn|introduced|Không trùng
root|reopen|status_reason|Hồ sơ trùng||Không trùng
root|reopen|proposal_date|2025-11-01||Không trùng
root|reopen|form|Giấy khen||Không trùng
root|reopen|decision|19/QĐ-UBND||Không trùng
root|reopen|decision_date|2025-11-02||Không trùng
root|reopen|signer|Chủ tịch||Không trùng"
err=$(dh edit "$c" --signer "Chủ tịch" --reason "Lần nữa" 2>&1 >/dev/null)
t_eq "correcting a commendation that is no more: refused (exit 1)" "$?" 1
t_contains "... naming the rule" "$err" "chỉ sửa được thông tin khen thưởng"
err=$(dh edit "$ok" --form "Bằng khen" --position "Tổ trưởng" --reason x 2>&1 >/dev/null)
t_eq "a commendation's and a profile's fields in one edit: usage error (2)" "$?" 2

out=$(dh check 2>&1)
t_report $? "the database is sound after it all"
