#!/usr/bin/env bash
# A walk through every screen and step with the program built with
# AddressSanitizer and UndefinedBehaviorSanitizer (build/asan/dienhinh): a
# memory error, a leak or undefined behaviour ends up on stderr or in the
# exit status, which the last checks look at.
. "$(dirname "$0")/tui_lib.sh"
. "$(dirname "$0")/tui_walk.inc"

DIENHINH_BIN=${DIENHINH_ASAN_BIN:-$DIENHINH_ROOT/build/asan/dienhinh}
if [ ! -x "$DIENHINH_BIN" ]; then
	t_report 1 "build/asan/dienhinh exists (make check builds it)"
	exit 1
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
tui_walk_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
tui_walk
t_eq "every step reached the screen it leads to" "$lost" ""
t_eq "the walk ends with status 0" "$(tui_exit a 10)" 0
t_eq "and nothing on stderr (no sanitizer report)" "$(cat "$T_DIR/a.err")" ""
t_ok "the database passes check" dh check
