#!/usr/bin/env bash
# Steps that ask first, and corrections from the exemplar's page: in the
# review queue `a` asks before it accepts (no keeps the exemplar waiting);
# on the page, `p` asks before it proposes; `o` reopens, `w` withdraws, `d`
# corrects the commendation and `x` removes a propagation entry, each with
# a reason it will not go without.  The command line checks what landed.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
add() { # date name: an exemplar of Phường Ngã Năm, entered in quarter III/2025
	dh add --unit phuongnganam --type individual --category good_deeds --date "$1" \
		--name "$2" --achievements "Vận động 30 hộ hiến đất" >/dev/null
}
add 2025-07-03 "Võ Thị Ba"           # 1: waits in the queue
add 2025-07-01 "Đặng Văn Một"        # 2: accepted, to reopen
add 2025-07-05 "Bùi Thị Hai"         # 3: to withdraw
add 2025-07-04 "Lâm Thị Mai"         # 4: commended, twice propagated
add 2025-07-06 "Trần Văn Năm"        # 5: accepted, to propose
dh review 2 accept >/dev/null
for id in 4 5; do dh review "$id" accept >/dev/null; done
dh propagate 4 --channel radio --date 2025-07-10 --ref "Số 7" >/dev/null
dh propagate 4 --channel portal --date 2025-07-12 --ref "Trang tin" >/dev/null
dh propose 4 --date 2025-07-20 >/dev/null
dh commend 4 --form "Giấy khen" --decision "12/QĐ" --date 2025-08-01 --signer "Chủ tịch" \
	>/dev/null
status() { dh show "$1" --format tsv | awk -F'\t' -v f="${2:-status}" '$1 == f { print $2 }'; }
# open NAME-SEARCH ID: the exemplar's page, from the main menu
open() {
	tui_keys o 2
	tui_wait o "Nhấn / để tìm theo tên." 2
	tui_keys o /
	tui_type o "$1"
	tui_keys o Enter Enter
	t_wait "the page of number $2 opens" o "Hồ sơ số $2"
}
back() { tui_keys o q q; tui_wait o "Duyệt hồ sơ"; }

tui_start o tester
tui_wait o "Duyệt hồ sơ"

# ---- the review queue: a asks first ----------------------------------------------------
tui_keys o 4
t_wait "the queue lists what waits" o "2 hồ sơ đang chờ duyệt"
t_contains "the oldest is chosen" "$(tui_screen o)" "▸ 03/07/2025      1 Võ Thị Ba"
tui_keys o a
t_wait "a asks before it accepts" o "Tiếp nhận hồ sơ số 1 (Võ Thị Ba)?"
tui_keys o k
tui_gone o "Tiếp nhận hồ sơ số 1 (Võ Thị Ba)?"
t_eq "no: still introduced" "$(status 1)" introduced
t_contains "no: still waiting" "$(tui_screen o)" "2 hồ sơ đang chờ duyệt"
tui_keys o a
tui_wait o "Tiếp nhận hồ sơ số 1 (Võ Thị Ba)?"
tui_keys o c
t_wait "yes: accepted" o "Đã tiếp nhận hồ sơ số 1"
t_eq "accepted in the register" "$(status 1)" accepted
tui_keys o q
tui_wait o "Duyệt hồ sơ"

# ---- propose asks first ---------------------------------------------------------------
open "tran van nam" 5
tui_keys o p
t_wait "p asks before it proposes" o "Đề nghị khen thưởng hồ sơ số 5 (Trần Văn Năm)"
tui_keys o Enter
tui_gone o "Đề nghị khen thưởng hồ sơ số 5 (Trần Văn Năm)"
t_eq "Enter means no: still accepted" "$(status 5)" accepted
tui_keys o p
tui_wait o "Đề nghị khen thưởng hồ sơ số 5 (Trần Văn Năm)"
tui_keys o c
t_wait "yes: proposed" o "trạng thái \"Đề nghị khen thưởng\""
t_eq "proposed in the register, today" "$(status 5) $(status 5 proposal_date)" \
	"proposed 2025-08-08"
back

# ---- reopen, with a reason it will not go without -----------------------------------
open "dang van mot" 2
tui_keys o o
t_wait "o asks for the reason" o "Đưa hồ sơ số 2 (Đặng Văn Một) về trạng thái đã giới thiệu"
tui_keys o Enter
t_wait "Enter without a reason asks for one" o "Hãy ghi lý do trước"
t_eq "nothing changed yet" "$(status 2)" accepted
tui_type o "Xét lại thành tích"
tui_keys o Enter
t_wait "reopened" o "trạng thái \"Đã giới thiệu\""
t_eq "introduced in the register" "$(status 2)" introduced
t_eq "the log keeps the reason" \
	"$(dh log --record 2 --format tsv | awk -F'\t' '$4 == "reopen" { print $9 }' | sort -u)" \
	"Xét lại thành tích"
back

# ---- withdraw; Ctrl-X leaves it as it was -------------------------------------------
open "bui thi hai" 3
tui_keys o w
t_wait "w asks for the reason, saying what it does" o "vẫn còn trong lịch sử"
tui_keys o C-x
tui_gone o "vẫn còn trong lịch sử"
t_eq "cancelled: still introduced" "$(status 3)" introduced
tui_keys o w
tui_wait o "vẫn còn trong lịch sử"
tui_type o "Nhập trùng"
tui_keys o Enter
t_wait "withdrawn" o "trạng thái \"Đã rút\""
t_eq "withdrawn in the register" "$(status 3)" withdrawn
t_eq "no longer listed" "$(dh list --format tsv | cut -f 1 | grep -cx 3)" 0
back

# ---- correct the commendation, then remove a propagation ----------------------------------
open "lam thi mai" 4
tui_keys o NPage
t_wait "the page numbers the propagations" o "2. 12/07/2025"
tui_keys o Home
tui_keys o d
t_wait "d opens the commendation, filled in" o "Sửa thông tin khen thưởng của hồ sơ số 4"
t_contains "with its decision" "$(tui_line o "Số quyết định")" "12/QĐ"
tui_keys o Tab C-u
tui_type o "21/QĐ-UBND"
tui_keys o C-o
t_wait "saving without a reason is refused" o "bắt buộc"
t_eq "nothing changed yet" "$(status 4 decision)" "12/QĐ"
# the refusal took the cursor to the reason
tui_type o "Ghi sai số quyết định"
tui_keys o C-o
t_wait "with the reason it is saved" o "trạng thái \"Đã khen thưởng\""
t_eq "the decision is corrected" "$(status 4 decision)" "21/QĐ-UBND"
tui_keys o x
t_wait "x offers the propagations to choose from" o "1. 10/07/2025"
tui_keys o Enter
t_wait "and asks why" o "Xóa lần tuyên truyền 1. 10/07/2025"
tui_type o "Ghi nhầm kênh"
tui_keys o Enter
tui_wait o "trạng thái \"Đã khen thưởng\""
t_eq "the first propagation is gone, the second left" "$(status 4 propagation)" \
	"portal 2025-07-12 Trang tin"
t_eq "the log says who, why, and what was removed" \
	"$(dh log --record 4 --format tsv | awk -F'\t' -v OFS='|' '$4 == "unpropagate" { print $3, $7, $9 }')" \
	"tester|radio 2025-07-10 Số 7|Ghi nhầm kênh"
tui_keys o q q q
t_eq "the session ends with status 0" "$(tui_exit o)" 0
tui_quiet o
out=$(dh check 2>&1)
t_report $? "the database is sound"
