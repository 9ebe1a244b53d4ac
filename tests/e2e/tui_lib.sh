# Helpers for the tui_*.sh scripts (sourced, not a suite of its own).
#
# Each screen test drives the program inside tmux on a private socket, the
# way tmux's own regress/ does: new-session at 80x24, send-keys (Vietnamese
# included), capture-pane -p, and waits that poll the screen for the text
# a person would see instead of sleeping a fixed time.  Then it checks
# through the command line that the data really landed.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	echo "1..0 # SKIP helpers for the tui_*.sh scripts, not a suite"
	exit 0
fi
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TUI_SOCK=test$$
TUI_TODAY=2025-08-08          # quarter 3 of 2025: 53 days left
T_DB=$T_DIR/db
T_CONFIG=$T_DIR/dienhinh.ini
T_CLEANUP+=("tmux -L $TUI_SOCK kill-server 2>/dev/null")
export DIENHINH_TODAY=$TUI_TODAY DIENHINH_USER=tester

# tui_setup: a config giving the test accounts their roles, and an empty
# database.  tester = office, canbo = staff of Phường Ngã Năm, xem = viewer
tui_setup() {
	TUI_BIN=$DIENHINH_BIN
	awk '{ print } /^\[roles\]/ { print "tester = office"; print "canbo = phuongnganam";
		print "xem = viewer" }' "$DIENHINH_ROOT/conf/dienhinh.ini" > "$T_CONFIG"
	dh init >/dev/null
}

# tui_start NAME USER [VAR=VALUE...]: open the screens in session NAME.
# The program's exit status lands in $T_DIR/NAME.exit.
tui_start() {
	local name=$1 user=$2
	shift 2
	tmux -L "$TUI_SOCK" -f /dev/null new-session -d -s "$name" -x 80 -y 24 \
		"env LC_ALL=C.UTF-8 TERM=screen DIENHINH_USER=$user DIENHINH_TODAY=$TUI_TODAY $* \
		$TUI_BIN --config $T_CONFIG --db $T_DB 2>$T_DIR/$name.err; \
		echo \$? > $T_DIR/$name.exit; sleep 600"
}

tui_screen() { tmux -L "$TUI_SOCK" capture-pane -p -t "$1"; }

# tui_keys NAME KEY...: tmux key names (Enter, Down, C-o...).
tui_keys() { local n=$1; shift; tmux -L "$TUI_SOCK" send-keys -t "$n" "$@"; }
# tui_type NAME TEXT: literal text, sent as typed.
tui_type() { tmux -L "$TUI_SOCK" send-keys -t "$1" -l "$2"; }

# Waits poll the screen (t_until in lib.sh); a script's own limit can make
# one longer than T_LIMIT, never shorter.
tui_shows() { [[ $(tui_screen "$1") == *"$2"* ]]; }
tui_lacks() { [[ $(tui_screen "$1") != *"$2"* ]]; }
tui_differs() { [ "$(tui_screen "$1")" != "$2" ]; }

# tui_wait NAME TEXT [SECONDS]: until the screen shows TEXT.
tui_wait() { T_LIMIT=$(t_limit "${3:-0}") t_until tui_shows "$1" "$2"; }

# tui_gone NAME TEXT [SECONDS]: until the screen no longer shows TEXT.
tui_gone() { T_LIMIT=$(t_limit "${3:-0}") t_until tui_lacks "$1" "$2"; }

# tui_settle NAME [BEFORE]: for keys whose effect has no text of its own to
# wait for: until the screen differs from BEFORE (captured before the keys
# were sent), then until it has stayed the same, the program asleep waiting
# for a key, for half a second.
tui_settle() {
	local n=$1 now last="" same=0 end=$((SECONDS + T_LIMIT)) pid
	[ $# -gt 1 ] && t_until tui_differs "$n" "$2"
	pid=$(tui_pid "$n")
	while [ $same -lt 10 ] && [ $SECONDS -lt $end ]; do
		now=$(tui_screen "$n")
		if [ "$now" == "$last" ] && tui_asleep "$pid"; then same=$((same + 1))
		else same=0 last=$now; fi
		sleep 0.05
	done
}
# tui_asleep PID: the process sleeps (state S), or is gone.
tui_asleep() {
	local st
	st=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
	st=${st##*) }
	[ "${st%% *}" = S ]
}

# t_wait DESCRIPTION NAME TEXT [SECONDS]: one test result for a wait,
# showing the screen when it fails.
t_wait() {
	local d=$1 n=$2 text=$3
	if tui_wait "$n" "$text" "${4:-0}"; then t_report 0 "$d"; else
		t_report 1 "$d"
		printf '#   waited for: %s\n' "$text"
		tui_screen "$n" | sed 's/^/#   | /'
	fi
}

# tui_new_good_deeds NAME: n opens a new exemplar's form, its category
# chosen as "Người lao động, người tốt, việc tốt", the cursor on the name.
tui_new_good_deeds() {
	tui_keys "$1" n
	tui_wait "$1" "Hồ sơ mới"
	tui_keys "$1" Tab Enter
	tui_wait "$1" "gõ chữ: lọc"
	tui_type "$1" "nguoi tot"
	tui_keys "$1" Enter Tab
}

# tui_pid NAME: the program's process id (the pane runs it as the child of sh).
tui_pid() {
	local sh kid
	sh=$(tmux -L "$TUI_SOCK" display-message -p -t "$1" '#{pane_pid}')
	for kid in $(cat "/proc/$sh/task/$sh/children" 2>/dev/null); do
		[ "$(cat "/proc/$kid/comm" 2>/dev/null)" = dienhinh ] && { echo "$kid"; return; }
	done
}

# tui_exit NAME [SECONDS]: the program's exit status once it ended, else
# "running" (after T_LIMIT seconds; 0 asks whether it is still running now).
tui_exit() {
	local f=$T_DIR/$1.exit
	T_LIMIT=${2:-$T_LIMIT} t_until test -s "$f"
	if [ -s "$f" ]; then cat "$f"; else echo running; fi
}

# tui_line NAME TEXT: the first screen line holding TEXT.
tui_line() { tui_screen "$1" | grep -F -m 1 -- "$2"; }

# tui_select NAME TEXT: Down, one row at a time (each drawn before the next
# key), until the selected line (▸) holds TEXT; at most 50 rows.
tui_select() {
	local before
	for _ in $(seq 1 50); do
		[[ $(tui_line "$1" "▸") == *"$2"* ]] && return 0
		before=$(tui_screen "$1")
		tui_keys "$1" Down
		tui_settle "$1" "$before"
	done
	return 1
}

# tui_quiet NAME: one test result: the session wrote nothing to stderr.
tui_quiet() { t_eq "session $1 wrote nothing to stderr" "$(cat "$T_DIR/$1.err" 2>&1)" ""; }
