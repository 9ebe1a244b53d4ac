#!/usr/bin/env bash
# The register against sqlite3 on the same data, in one run
# (tests/bench/bench_core.py does the measuring):
#   - N generated exemplars, written as import files (`dienhinh export
#     --format csv` columns), imported with one `dienhinh import exemplars`, and
#     the same records loaded into sqlite3 with .import and its indexes
#   - quota for a year, `list --search` (substring, diacritic-insensitive)
#     and a name-prefix search, against GROUP BY and LIKE in sqlite3
#   - peak memory of each process, size of the data files
# One table, each figure with its ratio to sqlite3, and a line saying which
# targets are met.  Nothing fails on time.
#
#   BENCH_N      exemplars generated (default 1000000)
#   BENCH_RUNS   runs per query (default 11)
#   BENCH_CHUNK  rows per import file (default 100000: the import reads at
#                most 64 MiB a file)
#   BENCH_IMPORTS  imports of the whole data by each engine, each into a new
#                database (default 3; the median is the figure)
#   BENCH_WORK   directory to work in (default: a temporary one, removed);
#                tests/bench/run gives one so that bench_tui.sh measures the
#                screens on the same database
#   BENCH_YEAR, BENCH_SEARCH, BENCH_PREFIX   the questions (2024, "Thị Tuyết",
#                "Nguyễn Văn H")
set -eu
cd "$(dirname "$0")/../.."
n=${BENCH_N:-1000000}
runs=${BENCH_RUNS:-11}
chunk=${BENCH_CHUNK:-100000}
imports=${BENCH_IMPORTS:-3}

if ! command -v sqlite3 >/dev/null; then
	echo "sqlite3 is missing: install it with .ci/deps bench (make bench does)."
	exit 1
fi
make -s build/dienhinh build/tests/helper_bench all >/dev/null
if [ -n "${BENCH_WORK:-}" ]; then
	work=$BENCH_WORK/core
	rm -rf "$work"
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/dienhinh-bench.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
awk '{ print } /^\[roles\]/ { print "bench = office" }' conf/dienhinh.ini > "$work/dienhinh.ini"
export DIENHINH_USER=bench LC_ALL=C.UTF-8
unset DIENHINH_TODAY DIENHINH_CONFIG

echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores," \
	"$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
python3 tests/bench/bench_core.py "$work" "$n" "$runs" "$chunk" "${BENCH_WORK:-$work}/targets" \
	"$imports"
# What the screens' benchmark reuses: the database, its config and its size.
echo "$n" > "$work/n"
rm -f "$work"/x-*.csv "$work/sqlite.db" "$work"/?.out
