#!/usr/bin/env bash
# Live screens: two sessions on the quota screen both show an exemplar added
# from the command line without a key press; then a session left alone on
# the quota screen uses (almost) no CPU and writes nothing at all to its
# terminal; the main menu under it is up to date when the person goes back
# to it.
#
# The idle period is TUI_IDLE_SECONDS (default 10).
. "$(dirname "$0")/tui_lib.sh"

idle=${TUI_IDLE_SECONDS:-10}
tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
tui_start a tester
tui_start b canbo
tui_wait a "Hồ sơ điển hình"
tui_wait b "Hồ sơ điển hình"
tui_keys a 3
tui_keys b 3
t_wait "session 1 is on the quota screen" a "Năm 2025"
t_wait "session 2 is on the quota screen" b "Năm 2025"
q3() { local line; line=$(tui_line "$1" "Phường Ngã Năm"); echo "${line:52:5}"; }
t_eq "session 1 shows 0 of 2" "$(q3 a)" "0/2 …"
t_eq "session 2 shows 0 of 2" "$(q3 b)" "0/2 …"
sleep 0.6 # both are now waiting in poll(), not drawing

dh add --unit phuongnganam --type individual --category good_deeds --name "Trần Văn Bình" \
	--date 2025-08-01 >/dev/null
shows_1_of_2() { [ "$(q3 "$1")" = "1/2 …" ]; }
t_until shows_1_of_2 a
t_report $? "session 1 shows the add without a key press"
t_until shows_1_of_2 b
t_report $? "session 2 shows the add without a key press"
t_contains "and says it in words" "$(tui_screen a)" "1/2 — còn 53 ngày (Chưa đủ)"

# ---- idle --------------------------------------------------------------------------
pid=$(tui_pid a)
[ -n "$pid" ]
t_report $? "the program's process is found"
cpu() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"; }
wchar() { awk '/^wchar:/ { print $2 }' "/proc/$pid/io"; }
tui_settle a
: > "$T_DIR/a.out"
tmux -L "$TUI_SOCK" pipe-pane -t a -o "cat >> $T_DIR/a.out"
c0=$(cpu) w0=$(wchar)
sleep "$idle"
c1=$(cpu) w1=$(wchar)
tmux -L "$TUI_SOCK" pipe-pane -t a
hz=$(getconf CLK_TCK)
used=$((c1 - c0))
[ "$used" -lt $((hz / 10)) ]
t_report $? "${idle} s idle on the quota screen: ${used} CPU ticks of 1/${hz} s, under 0.1 s"
t_eq "${idle} s idle: no byte written by the program" "$((w1 - w0))" 0
t_eq "${idle} s idle: no byte reached the terminal" "$(wc -c < "$T_DIR/a.out")" 0

# The same screen still follows changes after the idle period.
out=$(dh add --unit phuongnganam --type individual --category good_deeds \
	--name "Lê Văn Cường" --date 2025-08-02 2>&1)
rc=$?
t_report $rc "a record added from another session while the screen idled"
[ $rc -eq 0 ] || sed 's/^/#   /' <<<"$out"
t_wait "after idling, a change still shows" a "2/2 ✓"

# The menus were under the quota screens through both adds: back on them,
# they show what is saved now.
tui_keys a q
t_wait "back on the menu, it counts the unit that met its quota meanwhile" a \
	"Quý 3/2025 (còn 53 ngày): 1 trên 15 đơn vị có chỉ tiêu đã đạt."
tui_keys b q
t_wait "and staff see their unit met" b "Đơn vị của bạn: Phường Ngã Năm 2/2 (Đạt)."
tui_keys a q
tui_keys b q
t_eq "session 1 ends with status 0" "$(tui_exit a)" 0
t_eq "session 2 ends with status 0" "$(tui_exit b)" 0
tui_quiet a
tui_quiet b
