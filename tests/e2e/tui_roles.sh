#!/usr/bin/env bash
# Roles on the screens: unit staff read other units' records but cannot
# edit them, and have no review queue or audit log; a viewer cannot add;
# the office reviews the queue (oldest introduction first) with single keys,
# accepting after a yes (tui_corrections.sh says no too), sees the history
# on the detail screen and reads the audit log.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
add() { # unit date name
	dh add --unit "$1" --type individual --category good_deeds --date "$2" --name "$3" \
		--achievements "Vận động 30 hộ hiến đất" >/dev/null
}
add phuongnganam 2025-07-03 "Võ Thị Ba"       # 1
add phuongnganam 2025-07-01 "Đặng Văn Một"    # 2, the oldest introduction
add phuongnganam 2025-07-02 "Bùi Thị Hai"     # 3
add ttyt 2025-07-04 "Lâm Thị Mai"             # 4, another unit

# ---- unit staff ------------------------------------------------------------------
tui_start s canbo
t_wait "staff get the menu" s "Hồ sơ điển hình"
s=$(tui_screen s)
t_lacks "staff have no review queue" "$s" "Duyệt hồ sơ"
t_contains "staff have the audit log (of their own units' records)" "$s" "4  Nhật ký"
t_contains "staff see their unit's quarter on the menu" "$s" \
	"Đơn vị của bạn: Phường Ngã Năm 3/2 (Đạt)."
# Staff have six items and Thoát as 0: 7 and 9 are numbers of no item.
tui_keys s 7 9
sleep 0.3
t_eq "7 and 9 do not end the program" "$(tui_exit s 0)" running
t_contains "staff stay on the menu" "$(tui_screen s)" "6  Trợ giúp"
tui_keys s 2
t_wait "staff open the list on their own unit" s "Lọc: Phường Ngã Năm"
t_lacks "... not on another's" "$(tui_screen s)" "Lâm Thị Mai"
tui_keys s x
t_wait "staff see every unit's records" s "Lâm Thị Mai"
tui_keys s / 
tui_type s "lam thi"
tui_keys s Enter
tui_wait s "1 Lâm Thị Mai" 2
tui_keys s Enter
t_wait "the other unit's record opens read-only" s "Hồ sơ số 4 (chỉ xem)"
t_lacks "with no edit key offered" "$(tui_screen s)" "e Sửa"
before=$(tui_screen s)
tui_keys s e
tui_settle s "$before"
t_lacks "e does not open the form" "$(tui_screen s)" "Sửa hồ sơ số 4"
t_contains "and says why" "$(tui_screen s)" "phuongnganam"
tui_keys s q
tui_wait s "Tìm: "
tui_keys s x
tui_wait s "Võ Thị Ba"
tui_keys s /
tui_type s "vo thi"
tui_keys s Enter Enter
t_wait "their own unit's record opens editable" s "Hồ sơ số 1"
t_lacks "without the read-only mark" "$(tui_screen s)" "chỉ xem"
t_contains "with the edit key offered" "$(tui_screen s)" "e Sửa"
# A new record: their unit already chosen, and the only one offered.
tui_keys s q
tui_wait s "Tìm: "
tui_keys s n
t_wait "staff open a new record" s "Hồ sơ mới"
t_contains "with their unit chosen" "$(tui_line s "Đơn vị giới thiệu")" "Phường Ngã Năm"
for i in 1 2 3 4 5 6 7 8; do tui_keys s Tab; done
tui_keys s Enter
tui_wait s "gõ chữ: lọc"
t_lacks "the unit list offers no other unit" "$(tui_screen s)" "Trung tâm Y tế"
t_contains "only theirs" "$(tui_screen s)" "│ Phường Ngã Năm "
tui_keys s C-x C-x
tui_wait s "Tìm: "
tui_keys s q q

# ---- viewer ------------------------------------------------------------------------
tui_start v xem
tui_wait v "Hồ sơ điển hình"
t_contains "the menu tells a viewer what they can do with profiles" \
	"$(tui_line v "Hồ sơ điển hình")" "tìm và xem hồ sơ"
t_lacks "a viewer has no audit log" "$(tui_screen v)" "Nhật ký"
tui_keys v 2
tui_wait v "Võ Thị Ba"
t_contains "the list offers a viewer no key to add or edit" "$(tui_screen v | tail -n 1)" \
	"Enter Xem / Tìm f Lọc ? Trợ giúp q Quay lại"
tui_keys v n
sleep 0.3
t_lacks "a viewer cannot open a new form" "$(tui_screen v)" "Hồ sơ mới"
tui_keys v '?'
t_wait "the help opens" v "Tìm theo tên ngay khi gõ"
t_lacks "and lists no key to add" "$(tui_screen v)" "Nhập hồ sơ mới"
tui_keys v q q q

# ---- the office's review queue -------------------------------------------------------
tui_start o tester
tui_wait o "Duyệt hồ sơ"
tui_keys o 4
t_wait "the review queue lists what waits" o "4 hồ sơ đang chờ duyệt"
t_contains "the oldest introduction is first and chosen" "$(tui_screen o)" \
	"▸ 01/07/2025      2 Đặng Văn Một"
tui_keys o a
t_wait "a asks first" o "Tiếp nhận hồ sơ số 2 (Đặng Văn Một)?"
tui_keys o c
t_wait "c (yes) accepts it" o "Đã tiếp nhận hồ sơ số 2"
t_contains "the register holds it" "$(dh show 2 --format tsv)" $'status\taccepted'
t_contains "the next oldest is chosen" "$(tui_screen o)" "▸ 02/07/2025      3 Bùi Thị Hai"
tui_keys o r
t_wait "r asks for the reason" o "Vì sao trả hồ sơ số 3"
tui_type o "Thiếu số liệu cụ thể"
tui_keys o Enter
t_wait "the exemplar is returned" o "Đã trả lại hồ sơ số 3"
show=$(dh show 3 --format tsv)
t_contains "returned in the register" "$show" $'status\treturned'
t_contains "with the reason" "$show" $'status_reason\tThiếu số liệu cụ thể'
t_contains "two remain" "$(tui_screen o)" "2 hồ sơ đang chờ duyệt"

# ---- the detail screen shows the history ---------------------------------------------
tui_keys o q 2 /
tui_type o "bui thi"
tui_keys o Enter Enter
t_wait "the detail opens" o "Hồ sơ số 3"
tui_keys o End
t_wait "with its history" o "Lịch sử"
s=$(tui_screen o)
t_contains "the history names the return" "$s" "Thiếu số liệu cụ thể"
t_contains "and the status change" "$s" "Đã giới thiệu → Bị trả lại"

# ---- the audit log ---------------------------------------------------------------------
tui_keys o q q 5
t_wait "the audit log opens" o "Mọi lần ghi, mới nhất ở trên."
t_contains "the newest entry is the return, by tester" "$(tui_screen o)" "tester"
t_contains "the hints say Enter shows the changes, not that it changes" "$(tui_screen o)" \
	"Enter Xem thay đổi"
tui_keys o Enter
t_wait "Enter shows the entry's changes" o "Lần ghi nhật ký số"
t_contains "field by field, in words" "$(tui_screen o)" "Đã giới thiệu → Bị trả lại"
t_eq "the entry's page fits: it offers the way back, no scrolling" \
	"$(tui_screen o | tail -n 1 | sed 's/ *$//')" "q Quay lại"
tui_keys o Enter
t_wait "Enter goes back to the log" o "Mọi lần ghi, mới nhất ở trên."
tui_keys o Enter
tui_wait o "Lần ghi nhật ký số"
tui_keys o q q q
t_eq "the office session ends with status 0" "$(tui_exit o)" 0

# ---- the audit log as unit staff ---------------------------------------------------------
# rec_numbers NAME: the exemplar numbers of the log's rows on screen, in order.
rec_numbers() {
	local line
	while IFS= read -r line; do
		[[ $line =~ ^.\ [0-9]{2}:[0-9]{2} ]] && printf '%s ' "${line:45:6}"
	done < <(tui_screen "$1" | sed -n '5,20p') | tr -s ' '
}
t_eq "the office's log holds every record's entries and the units' (no number)" \
	"$(tui_start p tester; tui_wait p "Hồ sơ điển hình"; tui_keys p 5
	   tui_wait p "Mọi lần ghi"; rec_numbers p; tui_keys p q q)" " 3 2 4 3 2 1 "
tui_start l canbo
tui_wait l "Hồ sơ điển hình"
tui_keys l 4
t_wait "staff open their audit log" l "Các lần ghi về hồ sơ của đơn vị bạn, mới nhất ở trên."
t_eq "only their unit's records: the return of 3, the acceptance of 2, the three adds" \
	"$(rec_numbers l)" " 3 2 3 2 1 "
tui_keys l '?'
t_wait "its help says whose changes staff see" l "Phòng Nội vụ xem mọi thay đổi, cán bộ đơn vị xem các"
tui_keys l q q q
t_eq "the staff session ends with status 0" "$(tui_exit l)" 0
tui_quiet l
tui_quiet o
tui_quiet s
tui_quiet v
