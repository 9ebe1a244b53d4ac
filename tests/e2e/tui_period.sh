#!/usr/bin/env bash
# Where today stands in the quarter a screen shows, in words: days left
# while it runs, its last day, and, once the plan's years are over (the
# units screen then shows the plan's last quarter) or before they begin,
# "ended" or "not started yet" instead of a count of days that is not true;
# and a staff member's unit with no quota that quarter is said to have none;
# the quota screen stays on its unit from one year to another.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }

# units NAME TODAY: open the units screen in session NAME on day TODAY.
units() {
	tui_start "$1" tester DIENHINH_TODAY="$2"
	tui_wait "$1" "Hồ sơ điển hình"
	tui_keys "$1" 1
	tui_wait "$1" "Đã giới thiệu/chỉ tiêu"
}

# ---- a quarter in progress (2025-08-08: 53 days to 30 September) -----------------
units a "$TUI_TODAY"
t_contains "in progress: the days left" "$(tui_screen a)" " Quý 3/2025, còn 53 ngày"
t_contains "and beside each unit's quota" "$(tui_line a "Thị đoàn")" "0/2 — còn 53 ngày"

# ---- its last day -------------------------------------------------------------------
tui_start l tester DIENHINH_TODAY=2025-09-30
t_wait "the last day: the main menu says so" l "Quý 3/2025 (ngày cuối quý):"
t_lacks "and counts no days" "$(tui_screen l)" "còn 0 ngày"
tui_keys l 1
t_wait "the units screen too" l " Quý 3/2025, ngày cuối quý"
t_contains "and beside each unit's quota" "$(tui_line l "Thị đoàn")" "0/2 — ngày cuối quý"

# ---- after the plan (2021-2025): its last quarter, over --------------------------------
units p 2026-11-28
s=$(tui_screen p)
t_contains "after the plan: its last quarter, ended" "$s" " Quý 4/2025, đã kết thúc"
t_lacks "no count of days below zero" "$s" "còn -"
t_contains "a unit's quota without a countdown" "$(tui_line p "Thị đoàn")" \
	"Thị đoàn (Đoàn TNCS Hồ Chí Minh)    0/2                      ✗ Thiếu"

tui_start ps canbo DIENHINH_TODAY=2026-11-28
t_wait "staff after the plan: their unit has no quota, said in words" ps \
	"Đơn vị của bạn: Phường Ngã Năm 0 (không giao chỉ tiêu)."
t_lacks "not as a quota of nothing" "$(tui_screen ps)" "0/0"

# ---- the quota screen keeps its unit across years --------------------------------------
# 2025 shows the wards merged away in mid-year and 2026 does not, so a row's
# position names another unit from one year to the next.
selected() { tui_screen "$1" | grep -a -m 1 "▸" | cut -c 3-26; }
tui_start pq tester DIENHINH_TODAY=2026-11-28
tui_wait pq "Hồ sơ điển hình"
tui_keys pq 3
tui_wait pq "Năm 2025"
before=$(tui_screen pq)
tui_keys pq Down Down
tui_settle pq "$before"
unit=$(selected pq)
t_contains "the quota screen: a unit of 2025 and 2026 selected" "$unit" "Xã Tân Long (mới)"
tui_keys pq Right
t_wait "on to 2026" pq "Năm 2026"
t_eq "the same unit stays selected" "$(selected pq)" "$unit"
tui_keys pq Left Left
t_wait "back to 2024, when it did not exist" pq "Năm 2024"
[[ $(tui_screen pq | sed -n 4p) == "▸"* ]]
t_report $? "the list is at its start"

# ---- before the plan: its first quarter, not started -------------------------------
units b 2020-05-01
s=$(tui_screen b)
t_contains "before the plan: its first quarter, not started" "$s" " Quý 1/2021, chưa bắt đầu"
t_lacks "and no count of days" "$s" "ngày"
t_contains "a unit's quota without a countdown" "$(tui_line b "Thị đoàn")" "0/2 "

for n in a l p ps pq b; do tui_quiet "$n"; done
