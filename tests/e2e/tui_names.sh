#!/usr/bin/env bash
# Two units of one name on the quota screen at 80x24: the town's Xã Tân
# Long merged away on 30/06/2025 and its successor of the same name are
# both listed in 2025, each with the dates that tell it from the other.  A
# name too long for the column is shortened before its dates, never them.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
# Widths are counted by hand: the name column is 31 wide from column 2, then
# one space; each quarter's cell 8 wide and a space; then the year's total.
# (printf pads bytes, not letters: python pads letters)
row() {
	/usr/bin/python3 -c 'import sys
a = sys.argv[1:]
print(("  " + a[0].ljust(32) + "".join(c.ljust(9) for c in a[1:5]) + a[5]).rstrip())' "$@"
}

tui_start a tester
tui_wait a "Hồ sơ điển hình"
tui_keys a 3
t_wait "the quota screen opens on 2025" a "Năm 2025"
before=$(tui_screen a)
tui_keys a Home
tui_settle a "$before"
s=$(tui_screen a)
t_eq "the unit merged away: its last day, its quotas of the first half" \
	"$(tui_line a "Xã Tân Long (đến")" "$(row "Xã Tân Long (đến 30/06/2025)" "0/2 ✗" "0/2 ✗" "—" "—" "0/4")"
t_eq "its successor of the same name: its first day, its quotas from July" \
	"$(tui_line a "Xã Tân Long (từ")" "$(row "Xã Tân Long (từ 01/07/2025)" "—" "—" "0/2 …" "0/2 …" "0/4")"
t_eq "no other row reads Xã Tân Long" "$(grep -c "Xã Tân Long" <<< "$s")" 2
t_eq "a name of its own is left as it is" "$(tui_line a "Phường 2 ")" \
	"$(row "Phường 2" "0/2 ✗" "0/2 ✗" "—" "—" "0/4")"
# The line under the table names the chosen unit the same way.
tui_select a "Xã Tân Long (từ"
t_contains "the chosen unit in words, with its dates" "$(tui_screen a)" \
	"Xã Tân Long (từ 01/07/2025), Quý 3/2025: 0/2"
tui_keys a q 0
t_eq "the session ends cleanly" "$(tui_exit a)" 0
tui_quiet a

# ---- a long name shared: shortened before the dates ------------------------------------
sed -i 's/^name = "Xã Tân Long"$/name = "Hội Liên hiệp Phụ nữ xã Tân Long"/' "$T_CONFIG"
t_eq "a config where the two share a long name" \
	"$(grep -c '^name = "Hội Liên hiệp Phụ nữ xã Tân Long"$' "$T_CONFIG")" 2
tui_start b tester
tui_wait b "Hồ sơ điển hình"
tui_keys b 3
t_wait "the quota screen opens on 2025" b "Năm 2025"
before=$(tui_screen b)
tui_keys b Home
tui_settle b "$before"
t_eq "the merged unit: its name cut, its last day whole" \
	"$(tui_line b "(đến 30/06/2025)")" \
	"$(row "Hội Liên hiệp… (đến 30/06/2025)" "0/2 ✗" "0/2 ✗" "—" "—" "0/4")"
t_eq "the successor: its name cut, its first day whole" \
	"$(tui_line b "(từ 01/07/2025)")" \
	"$(row "Hội Liên hiệp… (từ 01/07/2025)" "—" "—" "0/2 …" "0/2 …" "0/4")"
tui_keys b q 0
t_eq "the session ends cleanly" "$(tui_exit b)" 0
tui_quiet b
