#!/usr/bin/env bash
# The program and its tests compile without a single warning under the
# Makefile's warning flags (C11, -Wall -Wextra -Wshadow -Wformat=2 and the
# rest), as shipped (-O2) and at -O0 and -O3: each level's analysis finds
# "maybe uninitialised" paths the others do not, and a developer may build
# with any of them.  A copy of the sources is built, so build/ is left alone.
source "$(dirname "$0")/lib.sh"
cd "$DIENHINH_ROOT" || exit 1

tree=$T_DIR/tree
mkdir -p "$tree/tests/fuzz"
cp -r Makefile src include conf "$tree/"
cp -r tests/unit "$tree/tests/"
cp tests/fuzz/*.h "$tree/tests/fuzz/"
tests=$(cd "$tree" && ls tests/unit/test_*.c tests/unit/helper_*.c |
	sed 's#^tests/unit/#build/tests/#; s#\.c$##')
jobs=$(nproc 2>/dev/null || echo 2)

for level in -O2 -O0 -O3; do
	# shellcheck disable=SC2086 # $tests is a list of targets
	make -C "$tree" -s -j"$jobs" CFLAGS="$level -g -Werror" all $tests \
		>"$T_DIR/make.out" 2>&1
	t_report $? "no warning at $level (every source of the program and of its tests)"
	grep -m 10 -E 'warning|error' "$T_DIR/make.out" | sed 's/^/#   /'
	make -C "$tree" -s clean >/dev/null 2>&1
done
