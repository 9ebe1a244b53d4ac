#!/usr/bin/env bash
# Where today stands in the quarter a screen shows, in words: days left
# while it runs, its last day; once the plan's years are over or before they
# begin, today's quarter is shown with why no quota applies (the plan ended
# on 31/12/2025, or begins on 01/01/2021), never as "no quota"; with a second
# period each year shows its own quotas and each header names its period;
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

# ---- after the plan (2021-2025): today's quarter, outside every period -----------------
# With the shipped config on 07/12/2026 nothing says "no quota" (không giao
# chỉ tiêu): every screen says that the plan 2021-2025 has ended.
# flat NAME: the screen's words as one line (a sentence may wrap anywhere).
flat() { tui_screen "$1" | sed 's/^ *//; s/ *$//' | tr '\n' ' '; }
ended="Kế hoạch 2021–2025 đã kết thúc ngày 31/12/2025; chưa có giai đoạn mới trong tệp cấu hình."
tui_start m tester DIENHINH_TODAY=2026-12-07
t_wait "after the plan, the main menu: today's quarter" m "Quý 4/2026: Kế hoạch 2021–2025"
t_contains "and the plan ended" "$(flat m)" "Quý 4/2026: $ended"
t_contains "the office is told where to declare the next period" "$(flat m)" \
	"khai báo giai đoạn kế hoạch mới trong $T_CONFIG: một mục [period.MÃ]"
t_lacks "never \"no quota\"" "$(tui_screen m)" "không giao chỉ tiêu"
tui_keys m 3
t_wait "the quota screen: this year, outside the plan periods" m \
	"Năm 2026 — ngoài các giai đoạn kế hoạch"
t_contains "the chosen cell says the plan ended" "$(flat m)" "$ended"
t_lacks "never \"no quota\"" "$(tui_screen m)" "không giao chỉ tiêu"
t_contains "a unit's quarter: its count, no quota to meet" "$(tui_line m "Phường Ngã Năm")" \
	"Phường Ngã Năm                  0        0        0        0        0"
tui_keys m Left
t_wait "the year before: the plan's, named" m "Năm 2025 — Kế hoạch 2021–2025"
t_contains "its quotas as they were" "$(tui_line m "Thị đoàn")" "0/2 ✗"
tui_keys m q 1
t_wait "the units screen: today's quarter, outside the plan periods" m \
	" Quý 4/2026, còn 24 ngày — ngoài các giai đoạn kế hoạch"
t_contains "each unit says so in words" "$(tui_line m "Thị đoàn")" \
	"Thị đoàn (Đoàn TNCS Hồ Chí Minh)    0     · Ngoài các giai đoạn kế hoạch"
t_lacks "never \"no quota\"" "$(tui_screen m)" "không giao chỉ tiêu"

tui_start ps canbo DIENHINH_TODAY=2026-11-28
t_wait "staff after the plan" ps "Quý 4/2026: Kế hoạch 2021–2025"
t_contains "the plan ended" "$(flat ps)" "Quý 4/2026: $ended"
t_contains "and their unit's count, no quota" "$(tui_screen ps)" \
	"Đơn vị của bạn: Phường Ngã Năm 0."
t_lacks "not as a quota of nothing" "$(tui_screen ps)" "0/0"
t_lacks "nor as \"no quota\"" "$(tui_screen ps)" "không giao chỉ tiêu"
t_lacks "staff are not told to edit the config" "$(tui_screen ps)" "[period."

# ---- the quota screen keeps its unit across years --------------------------------------
# 2025 shows the wards merged away in mid-year and 2026 does not, so a row's
# position names another unit from one year to the next.
selected() { tui_screen "$1" | grep -a -m 1 "▸" | sed 's/^▸ //; s/  .*//'; }
tui_start pq tester DIENHINH_TODAY=2026-11-28
tui_wait pq "Hồ sơ điển hình"
tui_keys pq 3
tui_wait pq "Năm 2026"
before=$(tui_screen pq)
tui_keys pq Down Down
tui_settle pq "$before"
unit=$(selected pq)
# (its dates tell it from the Xã Tân Long merged into it, also listed in 2025)
t_eq "the quota screen: a unit of 2025 and 2026 selected" "$unit" "Xã Tân Long (từ 01/07/2025)"
tui_keys pq Left
t_wait "back to 2025" pq "Năm 2025"
t_eq "the same unit stays selected" "$(selected pq)" "$unit"
tui_keys pq Left
t_wait "back to 2024, when it did not exist" pq "Năm 2024"
[[ $(tui_screen pq | sed -n 4p) == "▸"* ]]
t_report $? "the list is at its start"

# ---- before the plan: today's quarter, and when the plan begins -------------------------
units b 2020-05-01
s=$(tui_screen b)
t_contains "before the plan: today's quarter, outside the plan periods" "$s" \
	" Quý 2/2020, còn 60 ngày — ngoài các giai đoạn kế hoạch"
t_contains "a unit's count, no quota" "$(tui_line b "Thị đoàn")" \
	"0     · Ngoài các giai đoạn kế hoạch"
tui_keys b q
t_wait "the main menu: today's quarter" b "Quý 2/2020: Năm 2020"
t_contains "outside the plan periods, and when the plan begins" "$(flat b)" \
	"Quý 2/2020: Năm 2020 ngoài các giai đoạn kế hoạch: Kế hoạch 2021–2025 bắt đầu từ ngày 01/01/2021."

# ---- a second period: each year's own figures, each header its period's ----------------
# 2026-2030 declared after the plan, Phường Ngã Năm owing 3 a quarter in it,
# and a unit that begins with it, owing 2 in it only.
t_next_period "$T_CONFIG" "$T_DIR/p.ini" && mv "$T_DIR/p.ini" "$T_CONFIG"
tui_start n tester DIENHINH_TODAY=2026-02-10
t_wait "the main menu names the current period" n "Giai đoạn 2026–2030"
t_contains "and counts today's quarter down" "$(tui_screen n)" "Quý 1/2026 (còn 49 ngày):"
tui_keys n 1
t_wait "the units screen: the quarter, and the period" n \
	" Quý 1/2026, còn 49 ngày — Giai đoạn 2026–2030"
tui_keys n End
t_wait "the end of the list" n "Xã hội phường"
t_contains "Phường Ngã Năm owes the period's 3" "$(tui_line n "Phường Ngã Năm")" \
	"0/3 — còn 49 ngày"
t_contains "the new unit its 2" "$(tui_line n "Xã hội phường")" "0/2 — còn 49 ngày"
tui_keys n q 3
t_wait "the quota screen: 2026, in its period" n "Năm 2026 — Giai đoạn 2026–2030"
t_contains "Phường Ngã Năm: 3 a quarter" "$(tui_line n "Phường Ngã Năm")" \
	"Phường Ngã Năm                  0/3 …    0/3 …    0/3 …    0/3 …    0/12"
tui_keys n Left
t_wait "2025: the plan's" n "Năm 2025 — Kế hoạch 2021–2025"
t_contains "Phường Ngã Năm: 2 a quarter from July" "$(tui_line n "Phường Ngã Năm")" \
	"Phường Ngã Năm                  —        —        0/2 ✗    0/2 ✗    0/4"
t_lacks "the new unit is no part of the plan" "$(tui_screen n)" "Xã hội phường"
tui_keys n q 6 3
t_wait "the plan report: the current period's" n "BÁO CÁO TỔNG KẾT"
t_contains "named in the choice line" "$(tui_line n "Báo cáo:")" "Giai đoạn 2026–2030"
t_contains "and on the report" "$(flat n)" "BÁO CÁO TỔNG KẾT CÔNG TÁC XÂY DỰNG VÀ NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN Giai đoạn 2026–2030"
tui_keys n Left
t_wait "Left: the period before" n "← Kế hoạch 2021–2025 →"
tui_keys n Left
t_wait "and no further" n "Báo cáo chỉ có từ năm 2021 đến năm 2030."

for n in a l m ps pq b n; do tui_quiet "$n"; done
