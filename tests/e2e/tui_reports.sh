#!/usr/bin/env bash
# The Reports screen: offered to every role; the quarter report of the last
# quarter that is over, in Vietnamese with the issuing body and the title;
# the three reports and their periods; scrolling; laid out again at 100x30
# and back at 80x24; following what another session saves; the keys in the
# help.  Saving as Excel, CSV and text into the account's home directory
# (from the password database, whatever $HOME says), never over a file
# already there, the screen saying where.  Then, as root only, the shared
# install: a staff member's file is theirs, not the program's group's, and
# their session goes on reading and writing the database after saving.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (config, database)"; exit 1; }
add() { # unit date name: entered on 05/07/2025, before quarter 2 closed (not late)
	DIENHINH_TODAY=2025-07-05 dh add --unit "$1" --type individual --category good_deeds \
		--date "$2" --name "$3" --achievements "Vận động 30 hộ hiến đất" >/dev/null
}
add phuong1 2025-05-02 "Võ Thị Ba"           # 1
add phuong1 2025-06-30 "Đặng Văn Một"        # 2, the quarter's last day
add ttyt 2025-04-01 "Lâm Thị Mai"            # 3, its first day
add phuongnganam 2025-07-01 "Bùi Thị Hai"    # 4, quarter 3: not in the quarter-2 report

# saved NAME: the path the screen says the last file went to.
saved() { tui_line "$1" "Đã lưu: " | sed 's/^ *Đã lưu: \([^ ]*\).*/\1/'; }
# width LINE: the line's length in characters, trailing blanks left out.
width() { local l=${1%"${1##*[! ]}"}; echo "${#l}"; }
# wait_row NAME TEXT REGEX: until the first line holding TEXT matches REGEX.
row_matches() { [[ $(tui_line "$1" "$2") =~ $3 ]]; }
wait_row() { t_until row_matches "$@"; }

home=$(getent passwd "$(id -u)" | cut -d: -f6)
made=()
T_CLEANUP+=('for f in "${made[@]:-}"; do [ -n "$f" ] && rm -f -- "$f"; done')

# ---- every role has the screen -------------------------------------------------------
tui_start v xem
t_wait "a viewer's menu offers the reports" v "4  Báo cáo"
tui_keys v 4
t_wait "and a viewer reads them" v "BÁO CÁO KẾT QUẢ GIỚI THIỆU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"
tui_keys v q q
tui_start s canbo
t_wait "staff's menu offers the reports before the help" s "5  Báo cáo"
t_contains "after their audit log; help moves down one" "$(tui_screen s)" "6  Trợ giúp"
tui_keys s q

# ---- the preview -------------------------------------------------------------------
tui_start a tester "HOME=$T_DIR/not-home"
t_wait "the office's menu offers the reports as item 6" a "6  Báo cáo"
t_contains "help is item 8, after the import" "$(tui_screen a)" "8  Trợ giúp"
tui_keys a 6
t_wait "the screen opens on the quarter report" a "BÁO CÁO KẾT QUẢ GIỚI THIỆU GƯƠNG"
s=$(tui_screen a)
t_contains "of quarter 2, the last one over on 08/08/2025" "$s" "▸1 Quý   2 Năm"
t_contains "the period is named in the choice line" "$s" "← Quý 2/2025 →"
t_contains "the issuing body heads it" "$s" "PHÒNG NỘI VỤ"
t_contains "under its parent body" "$s" "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM"
t_contains "with the period in words" "$s" \
	"Quý II năm 2025 (từ ngày 01/04/2025 đến ngày 30/06/2025)"
t_contains "it says where files go: the account's home, not \$HOME" "$s" \
	"Tệp được lưu vào: $home "
t_contains "the hints offer the save keys" "$s" "x Excel w Word c CSV"
t_eq "the heading is laid out for 80 columns (margin + 78)" \
	"$(width "$(tui_line a "CỘNG HÒA XÃ HỘI")")" 79
t_contains "a long unit name wraps at 80 columns" \
	"$(tui_line a "Ủy ban Mặt trận")" "Việt Nam  "

# ---- scrolling ----------------------------------------------------------------------
n=$(tui_line a "dòng 1-19/" | sed 's|.*dòng 1-19/\([0-9]*\).*|\1|')
tui_keys a PageDown
t_wait "PgDn scrolls a page less one line" a "dòng 19-37/$n"
tui_keys a End
t_wait "End shows the last lines" a "dòng $((n - 18))-$n/$n"
t_contains "where the quarter's exemplars are listed" "$(tui_screen a)" "Võ Thị Ba"
# 38 = 18 units with 2 and 2 with 1 active in quarter 2 (the config); of those 20 units
# only Phường 1 has met its quota.
wait_row a "Tổng cộng" "Tổng cộng +38 +0 +3 +0 +0 1/20 đơn vị đạt"
t_report $? "the totals: 3 individuals in quarter 2, none accepted, 1 of 20 units met"

# ---- following another session ------------------------------------------------------
dh review 1 accept >/dev/null
wait_row a "Tổng cộng" "Tổng cộng +38 +0 +3 +1 +0 1/20 đơn vị đạt"
t_report $? "an acceptance in another session shows in the preview at once"
tui_keys a Home
t_wait "Home goes back to the top" a "dòng 1-19/$n"

# ---- resizing -----------------------------------------------------------------------
tmux -L "$TUI_SOCK" resize-window -t a -x 100 -y 30
t_wait "at 100x30 the preview shows more lines" a "dòng 1-25/"
t_eq "and the heading is laid out for 100 columns" \
	"$(width "$(tui_line a "CỘNG HÒA XÃ HỘI")")" 99
t_contains "the long unit name now fits on one line" "$(tui_screen a)" \
	"Ủy ban Mặt trận Tổ quốc Việt Nam thị xã"
tmux -L "$TUI_SOCK" resize-window -t a -x 80 -y 24
t_wait "back at 80x24" a "dòng 1-19/"
t_eq "laid out for 80 columns again" "$(width "$(tui_line a "CỘNG HÒA XÃ HỘI")")" 79

# ---- the other reports and periods ---------------------------------------------------
tui_keys a 2
t_wait "2: the year-end scores of this year" a "BẢNG CHẤM ĐIỂM THI ĐUA CUỐI NĂM"
t_contains "for 2025" "$(tui_screen a)" "← Năm 2025 →"
tui_keys a Left
t_wait "Left: the year before" a "← Năm 2024 →"
tui_keys a Right Right
t_wait "Right cannot go past the plan's last year" a "Báo cáo chỉ có từ năm 2021 đến năm 2025."
tui_keys a Tab
t_wait "Tab: the whole plan period" a "BÁO CÁO TỔNG KẾT CÔNG TÁC XÂY DỰNG"
t_contains "named as the config names the period" "$(tui_screen a)" "Kế hoạch 2021–2025"
t_lacks "with no period keys offered" "$(tui_screen a)" "Kỳ trước"
tui_keys a 1
t_wait "1: back to the quarter report, its quarter kept" a "← Quý 2/2025 →"
tui_keys a Left
t_wait "Left: the quarter before" a "← Quý 1/2025 →"
tui_keys a Left
t_wait "across the year" a "← Quý 4/2024 →"
tui_keys a Right Right
t_wait "Right: back to quarter 2" a "Quý II năm 2025 (từ ngày"

# ---- help ----------------------------------------------------------------------------
tui_keys a '?'
t_wait "? shows the screen's keys" a "Lưu báo cáo thành tệp Excel (.xlsx)"
s=$(tui_screen a)
t_contains "built from the key table" "$s" "Tab, Shift-Tab, 1-3"
t_contains "and says a file is never replaced" "$s" "không bao giờ bị ghi đè"
t_contains "the Word key is there" "$s" "Lưu báo cáo thành văn bản Word (.docx)"
tui_keys a q
t_wait "q leaves the help" a "← Quý 2/2025 →"

# ---- saving --------------------------------------------------------------------------
tui_keys a x
t_wait "x saves a workbook and says so" a "Đã lưu: "
xlsx=$(saved a)
made+=("$xlsx")
[[ $xlsx =~ ^$home/bao-cao-quy-2-2025(-[0-9]+)?\.xlsx$ ]]
t_report $? "into the home directory, named for the quarter ($xlsx)"
t_contains "the message line gives the whole name" "$(tui_screen a)" \
	"Đã lưu báo cáo vào thư mục cá nhân của bạn, thành tệp"
t_eq "the file is the person's" "$(stat -c %u "$xlsx" 2>&1)" "$(id -u)"
t_ok "nothing went to \$HOME" test ! -e "$T_DIR/not-home"
t_eq "it is a workbook holding the report" "$(python3 - "$xlsx" <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
text = "".join(z.read(n).decode("utf-8") for n in names if n.endswith(".xml"))
print("xl/workbook.xml" in names, "PHÒNG NỘI VỤ" in text, "Lâm Thị Mai" in text)
EOF
)" "True True True"

tui_keys a x
tui_wait a "Đã lưu: $home/bao-cao-quy-2-2025-"
xlsx2=$(saved a)
made+=("$xlsx2")
[ "$xlsx2" != "$xlsx" ] && [ -s "$xlsx" ] && [ -s "$xlsx2" ]
t_report $? "a second save takes a new name, the first file kept ($xlsx2)"

tui_keys a w
t_wait "w saves a Word document" a ".docx"
docx=$(saved a)
made+=("$docx")
[[ $docx =~ ^$home/bao-cao-quy-2-2025(-[0-9]+)?\.docx$ ]]
t_report $? "into the home directory too ($docx)"
t_eq "it is a Word document holding the report" "$(python3 - "$docx" <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
text = z.read("word/document.xml").decode("utf-8")
print("PHÒNG NỘI VỤ" in text, "Nơi nhận:" in text, "Lâm Thị Mai" in text)
EOF
)" "True True True"

tui_keys a c
t_wait "c saves CSV" a ".csv"
csv=$(saved a)
made+=("$csv")
[[ $csv =~ ^$home/bao-cao-quy-2-2025(-[0-9]+)?\.csv$ ]]
t_report $? "into the home directory too ($csv)"
t_eq "it starts with a byte order mark, for Excel" "$(head -c 3 "$csv" | od -An -tx1)" \
	" ef bb bf"
t_contains "it holds the table's header" "$(tr -d '\r' < "$csv")" \
	"STT,Đơn vị,Chỉ tiêu,Tập thể,Cá nhân,Đã tiếp nhận,Bị trả lại,Kết quả"
t_contains "and Phường 1's row: quota 2, 2 individuals, 1 accepted: met" \
	"$(tr -d '\r' < "$csv")" ",Phường 1,2,0,2,1,0,Đạt"
t_contains "and the health centre's: 1 of 2, short" "$(tr -d '\r' < "$csv")" \
	",Trung tâm Y tế thị xã,2,0,1,0,0,Thiếu"

tui_keys a t
t_wait "t saves text" a ".txt"
txt=$(saved a)
made+=("$txt")
t_eq "laid out as on the screen (78 columns)" "$(width "$(head -n 1 "$txt")")" 78
t_contains "with the title" "$(cat "$txt")" "BÁO CÁO KẾT QUẢ GIỚI THIỆU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"
rm -f -- "$xlsx" "$xlsx2" "$docx" "$csv" "$txt"

tui_keys a q
t_wait "q goes back to the menu" a "0  Thoát"
tui_keys a q
t_eq "and the session ends with status 0" "$(tui_exit a)" 0
tui_quiet a

# ---- the shared install ----------------------------------------------------------------
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null; then
	T_N=$((T_N + 1)); echo "ok $T_N # SKIP the shared install needs root to create accounts"
	exit 0
fi
tag=dr$$
grp=${tag}g user=${tag}a
P=$DIENHINH_ROOT/build/shared-$tag
uhome=$(mktemp -d /tmp/dienhinh-home.XXXXXX)
T_CLEANUP+=("userdel $user 2>/dev/null; groupdel $grp 2>/dev/null; rm -rf '$P' '$uhome'")
mkdir -p "$P/src" && chmod 755 "$P" "$P/src" "$uhome"
cp -r "$DIENHINH_ROOT"/{Makefile,src,include,conf,docs,.ci} "$P/src/"
useradd -M -N -d "$uhome" -s /bin/sh "$user" && chown "$user" "$uhome"
make -s -C "$P/src" install-shared PREFIX="$P" SYSCONFDIR="$P/etc" STATEDIR="$P/var" \
	GROUP="$grp" >"$T_DIR/install.log" 2>&1
t_report $? "make install-shared into a temporary prefix"
bin=$P/bin/dienhinh ini=$P/etc/dienhinh/dienhinh.ini db=$P/var/dienhinh
reports_catalogue "$P/share/locale/vi/LC_MESSAGES/dienhinh.mo"
sed -i "s/^\[roles\]/[roles]\n$user = office/" "$ini"
"$bin" init >/dev/null 2>&1 &&
	"$bin" add --unit phuong1 --type individual --category good_deeds \
		--name "Trương Thị Bảy" --achievements "Vận động 30 hộ hiến đất" \
		--date 2024-05-02 >/dev/null 2>&1
t_report $? "the database, with one exemplar waiting for review"

tmux -L "$TUI_SOCK" -f /dev/null new-session -d -s g -x 80 -y 24 \
	"runuser -u $user -- env -u DIENHINH_USER -u DIENHINH_TODAY LC_ALL=C.UTF-8 TERM=screen \
	HOME=$T_DIR/not-home $bin \
	2>$T_DIR/g.err; echo \$? > $T_DIR/g.exit; sleep 600"
t_wait "the staff member opens the setgid program's menu" g "6  Báo cáo"
tui_keys g 6
t_wait "and the reports" g "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM"
tui_keys g c
t_wait "the CSV is saved" g "Đã lưu: "
f=$(saved g)
[[ $f =~ ^$uhome/bao-cao-quy-[1-4]-20[0-9][0-9]\.csv$ ]]
t_report $? "into their home directory from the password database ($f)"
t_eq "the file is theirs, in their own group, not the program's" \
	"$(stat -c '%U %G' "$f" 2>&1)" "$user $(id -gn "$user")"
t_contains "and holds the report" "$(cat "$f" 2>&1)" "PHÒNG NỘI VỤ"
tui_keys g q 4
t_wait "after saving, the session still reads the database" g "1 hồ sơ đang chờ duyệt"
tui_keys g a
tui_wait g "Tiếp nhận hồ sơ số 1"
tui_keys g c
t_wait "and still writes it" g "Đã tiếp nhận hồ sơ số 1"
t_contains "the acceptance is in the register" "$("$bin" show 1 --format tsv)" \
	$'status\taccepted'
t_contains "recorded under the staff member's account" \
	"$("$bin" log --record 1 --format tsv 2>&1 | grep -i -e accept -e 'tiếp nhận')" "$user"
tui_keys g q q
t_eq "the session ends with status 0" "$(tui_exit g)" 0
t_eq "and wrote nothing to stderr" "$(cat "$T_DIR/g.err")" ""
t_ok "the database passes check" "$bin" check
