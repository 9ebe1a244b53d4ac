#!/usr/bin/env bash
# The walk through every screen and step (tui_walk.inc) with the program
# under valgrind's memcheck: no invalid read or write, no jump on an
# uninitialised value, no block definitely lost at exit.  The long version
# (make stress) also has memcheck track where uninitialised values came from.
. "$(dirname "$0")/tui_lib.sh"
. "$(dirname "$0")/tui_walk.inc"

if ! command -v valgrind >/dev/null; then
	t_report 1 "valgrind is installed (.ci/deps installs it)"
	exit 1
fi
TUI_WALK_WAIT=60
tui_walk_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
# Only definite leaks count: ncurses and gettext keep their tables until exit
# on purpose ("still reachable").
vg=(valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite
    --errors-for-leak-kinds=definite --error-exitcode=99 --log-file="$T_DIR/vg.log")
[ "${DIENHINH_STRESS:-}" = long ] && vg+=(--track-origins=yes)
TUI_BIN="${vg[*]} $DIENHINH_BIN"
start=$SECONDS
tui_walk
t_eq "every step reached the screen it leads to" "$lost" ""
status=$(tui_exit a "$TUI_WALK_WAIT")
echo "# tried: a walk through every screen under valgrind memcheck (${vg[*]:1:5}):" \
	"$((SECONDS - start)) s, exit $status"
t_eq "the walk ends with status 0 (99: valgrind found an error)" "$status" 0
log=$(cat "$T_DIR/vg.log" 2>/dev/null)
t_contains "valgrind ran the whole session" "$log" "ERROR SUMMARY:"
t_contains "valgrind found no error" "$log" "ERROR SUMMARY: 0 errors"
t_lacks "no block definitely lost" "$log" "definitely lost in"
if [[ $log != *"ERROR SUMMARY: 0 errors"* ]]; then
	grep -E '^==[0-9]+== ( {3}(at|by)|[A-Z].*)' "$T_DIR/vg.log" | head -n 30 | sed 's/^/#   /'
fi
t_eq "and nothing else on stderr" "$(cat "$T_DIR/a.err")" ""
t_ok "the database passes check" dh check
