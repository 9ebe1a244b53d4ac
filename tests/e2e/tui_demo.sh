#!/usr/bin/env bash
# `make run` on the real date: the demo's config (the shipped one with an
# example period 2026-2030 and your account as the office) and a demo
# register filled up to today open on a live quarter with its days left.
# The same on a pinned date, 07/12/2026.
. "$(dirname "$0")/tui_lib.sh"
export TZ=UTC DIENHINH_USER=$(id -un)
unset DIENHINH_TODAY
DEMO=$T_DIR/demo TUI_BIN=$DIENHINH_BIN

make -s -C "$DIENHINH_ROOT" DEMO="$DEMO" "$DEMO/dienhinh.ini" >"$T_DIR/make.out" 2>&1
t_report $? "make writes the demo's config"
ini=$(cat "$DEMO/dienhinh.ini" 2>/dev/null)
t_contains "with an example period after the shipped plan" "$ini" \
	"$(printf '[period.p2026]\nname = "Giai đoạn 2026–2030 (ví dụ)"\nfrom = 2026\nto = 2030')"
t_contains "and this account as the office" "$ini" "$(printf '[roles]\n%s = office' "$(id -un)")"
t_lacks "the shipped config itself declares no such period" \
	"$(grep -v '^#' "$DIENHINH_ROOT/conf/dienhinh.ini")" "[period.p2026]"

# Today by the clock, its quarter, and the days left in it (worked out here).
today=$(date +%F)
y=$((10#${today:0:4})) q=$(((10#${today:5:2} + 2) / 3))
last=$(date -d "$(printf '%d-%02d-01' "$y" $((q * 3))) +1 month -1 day" +%F)
left=$((($(date -d "$last" +%s) - $(date -d "$today" +%s)) / 86400))
if [ "$left" -eq 0 ]; then when="ngày cuối quý"; else when="còn $left ngày"; fi

# `make run` without its package step: run-demo makes the database and opens it.
tmux -L "$TUI_SOCK" -f /dev/null new-session -d -s d -x 80 -y 24 \
	"env -u DIENHINH_USER -u DIENHINH_TODAY LC_ALL=C.UTF-8 TERM=screen \
	make -s -C $DIENHINH_ROOT DEMO=$DEMO run-demo 2>$T_DIR/d.err; sleep 600"
if [ "$y" -ge 2026 ] && [ "$y" -le 2030 ]; then
	t_wait "make run: the main menu names the current period" d \
		"Giai đoạn 2026–2030 (ví dụ)" 60
	t_contains "and today's quarter with its days left" "$(tui_screen d)" "Quý $q/$y ($when):"
else # after the example period: the screens say that it ended
	t_wait "make run: the main menu shows today's quarter" d "Quý $q/$y: Giai đoạn" 60
	t_contains "and that the example period ended" "$(tui_screen d)" "đã kết thúc ngày"
fi
tui_keys d q
dates=$("$DIENHINH_BIN" --config "$DEMO/dienhinh.ini" --db "$DEMO/db" list --year "$y" \
	--format tsv | tail -n +2 | cut -f 2 | sort)
[ -n "$dates" ] && [[ ! $(tail -n 1 <<<"$dates") > $today ]]
t_report $? "the demo holds records of this year, none after today ($(tail -n 1 <<<"$dates"))"

# The same demo config on a pinned date.
T_CONFIG=$DEMO/dienhinh.ini T_DB=$T_DIR/pinned
DIENHINH_TODAY=2026-12-07 dh init --demo >/dev/null
tui_start p "$(id -un)" DIENHINH_TODAY=2026-12-07
t_wait "07/12/2026: the current period" p "Giai đoạn 2026–2030 (ví dụ)"
t_contains "quarter 4 of 2026 with 24 days left" "$(tui_screen p)" "Quý 4/2026 (còn 24 ngày):"
t_contains "under the period's own issuing body" "$(tui_screen p)" "VĂN PHÒNG HĐND VÀ UBND"
last=$(dh list --year 2026 --format tsv | tail -n +2 | cut -f 2 | sort | tail -n 1)
[[ $last == 2026-1[0-2]-* && ! $last > 2026-12-07 ]]
t_report $? "the demo's records go on into the running quarter, up to 07/12/2026 ($last)"
tui_quiet p
