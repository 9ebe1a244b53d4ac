#!/usr/bin/env bash
# The menu screens with a large register, measured in a pseudo-terminal at
# 80x24 by the shared tuibench.py:
#   - time to first screen (the main menu), median of BENCH_RUNS runs
#   - bytes sent per Down key in the exemplar list, within a page and while
#     scrolling past its end
#   - peak memory of the program (VmHWM)
# then the idle check of tests/e2e/tui_live.sh for 60 seconds instead of 10.
#
#   BENCH_WORK   when it holds core/db (left by bench_core.sh in the same
#                `make bench`), the screens are measured on that database and
#                the targets are added to BENCH_WORK/targets
#   BENCH_N      exemplars generated otherwise (default 100000)
#   BENCH_RUNS   runs per measurement (default 7)
#   TUIBENCH     path of tuibench.py (default /work/shared/tools/tuibench.py)
#   BENCH_IDLE   idle seconds (default 60, 10 when BENCH_N is under 100000;
#                0 skips the idle check)
# Targets: first screen <= 50 ms, <= 150 bytes per Down, peak <= 8 MiB.
set -eu
cd "$(dirname "$0")/../.."
n=${BENCH_N:-100000}
runs=${BENCH_RUNS:-7}
if [ "$n" -lt 100000 ]; then idle=${BENCH_IDLE:-10}; else idle=${BENCH_IDLE:-60}; fi
tool=${TUIBENCH:-/work/shared/tools/tuibench.py}
[ -f "$tool" ] || tool=$PWD/../shared/tools/tuibench.py

make -s build/dienhinh build/tests/helper_gen >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dienhinh-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export DIENHINH_USER=bench LC_ALL=C.UTF-8
unset DIENHINH_TODAY DIENHINH_CONFIG
targets=/dev/null

if [ -n "${BENCH_WORK:-}" ] && [ -f "$BENCH_WORK/core/db/data.mdb" ]; then
	db=$BENCH_WORK/core/db conf=$BENCH_WORK/core/dienhinh.ini targets=$BENCH_WORK/targets
	n=$(cat "$BENCH_WORK/core/n")
	echo "register: the $n exemplars bench_core.sh imported, database" \
		"$(du -sh "$db" | cut -f1)"
else
	db=$tmp/db conf=$tmp/dienhinh.ini
	awk '{ print } /^\[roles\]/ { print "bench = office" }' conf/dienhinh.ini > "$conf"
	t0=$(date +%s%N)
	build/tests/helper_gen gen "$conf" "$db" "$n" bench
	t1=$(date +%s%N)
	awk -v n="$n" -v ns=$((t1 - t0)) -v size="$(du -sh "$db" | cut -f1)" \
		'BEGIN { printf "register: %d exemplars generated in %.1f s, database %s\n",
			 n, ns / 1e9, size }'
fi

if [ ! -f "$tool" ]; then
	echo "tuibench.py not found (looked for $tool): screen figures skipped."
else
	prog=(build/dienhinh --config "$conf" --db "$db")
	# bench LABEL RUNS SETUP KEYS: one tuibench measurement, summary as JSON.
	bench() {
		python3 "$tool" --runs "$2" --json --label "$1" --setup "$3" --keys "$4" \
			--quit "q,q,q" -- "${prog[@]}" > "$tmp/$1.json"
	}
	bench menu "$runs" "" ""
	bench page 3 "2,wait:300" "down*16"
	bench scroll 3 "2,wait:300,down*17" "down*20"
	python3 - "$tmp" "$targets" <<'EOF'
import json, sys
d = sys.argv[1]
s = {k: json.load(open('%s/%s.json' % (d, k)))['summary'] for k in ('menu', 'page', 'scroll')}
def kib(v):
    return '-' if v is None else '%.1f MiB' % (v / 1024.0)
print('first screen (main menu): %.1f ms median of %d runs (target <= 50 ms), %d bytes'
      % (s['menu']['first_screen_ms'], s['menu']['runs'], s['menu']['first_screen_bytes']))
for k, what in (('page', 'within the first page'), ('scroll', 'scrolling a line each')):
    print('bytes per Down, %s: %s median (target <= 150), %.2f ms per key'
          % (what, s[k]['key_bytes'], s[k]['key_ms']))
peak = max(x['vmhwm_kib'] or 0 for x in s.values())
print('peak memory (VmHWM, after the keys): %s (target <= 8 MiB); PSS %s'
      % (kib(peak), kib(s['scroll']['pss_kib'])))
print('exits: %s' % ', '.join(sorted(set(e for x in s.values() for e in x['exits']))))
with open(sys.argv[2], 'a') as t:
    first = s['menu']['first_screen_ms']
    t.write('%s\tTUI first screen <= 50 ms (%.1f ms)\n'
            % ('met' if first <= 50 else 'missed', first))
    t.write('%s\tpeak memory of a TUI session <= 8 MiB (%s)\n'
            % ('met' if peak and peak <= 8192 else 'missed', kib(peak)))
EOF
fi

if [ "$idle" -gt 0 ]; then
	echo "idle check, ${idle} s on the quota screen (tests/e2e/tui_live.sh):"
	TUI_IDLE_SECONDS=$idle bash tests/e2e/tui_live.sh | grep -E 'idle|within one second' |
		sed 's/^/  /'
fi
