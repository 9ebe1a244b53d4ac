#!/usr/bin/env bash
# The screen captures in docs/screens.txt and README.md are the screens as
# the program draws them today: each is taken again the way docs/screens.txt
# says (a demo database made on 31/12/2025, the screens on 14/11/2025, an
# office account, 80x24) and compared line by line.
. "$(dirname "$0")/tui_lib.sh"

awk '{ print } /^\[roles\]/ { print "tester = office" }' "$DIENHINH_ROOT/conf/dienhinh.ini" \
	> "$T_CONFIG"
DIENHINH_TODAY=2025-12-31 dh init --demo >/dev/null
t_report $? "the demo database of the captures"
TUI_TODAY=2025-11-14 TUI_BIN=$DIENHINH_BIN
tui_start d tester

# clean: the lines without trailing spaces, and no blank lines at the end.
clean() { sed 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }
# section TITLE: the capture under "== TITLE..." in docs/screens.txt.
section() {
	awk -v t="== $1" 'index($0, t) == 1 { on = 1; next } /^== / { on = 0 } on' \
		"$DIENHINH_ROOT/docs/screens.txt" | clean
}
# readme N: the Nth plain ``` block of README.md (the captures).
readme() {
	awk -v n="$1" '/^```/ { if (block) { block = 0; take = 0; next }
			    block = 1; if ($0 == "```") take = (++k == n); next }
		take' "$DIENHINH_ROOT/README.md" | clean
}
# same WHAT DOC SCREEN: DOC is SCREEN, or SCREEN's first lines when DOC is shorter.
same() {
	local n
	n=$(wc -l <<<"$2")
	if [ "$(head -n "$n" <<<"$3")" = "$2" ]; then t_report 0 "$1"; else
		t_report 1 "$1"
		diff <(echo "$2") <(head -n "$n" <<<"$3") | sed 's/^/#   /'
	fi
}

tui_wait d "Hồ sơ điển hình"
main=$(tui_screen d | clean)
same "docs/screens.txt: the main menu" "$(section "Main menu")" "$main"
same "README.md: the main menu" "$(readme 1)" "$main"
tui_keys d 1
tui_wait d "Đã giới thiệu/chỉ tiêu"
same "docs/screens.txt: the units" "$(section "1 Units")" "$(tui_screen d | clean)"
tui_keys d q 3
tui_wait d "Năm 2025"
quota=$(tui_screen d | clean)
same "docs/screens.txt: the quotas" "$(section "3 Quotas")" "$quota"
same "README.md: the quotas" "$(readme 2)" "$quota"
tui_keys d q 2
tui_wait d "Nhấn / để tìm theo tên."
same "docs/screens.txt: the exemplar list" "$(section "2 Exemplar profiles")" \
	"$(tui_screen d | clean)"
tui_keys d q 6
tui_wait d "BÁO CÁO"
same "docs/screens.txt: the reports" "$(section "6 Reports")" "$(tui_screen d | clean)"
tui_quiet d
