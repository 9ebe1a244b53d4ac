# Shared helpers for the end-to-end scripts (sourced, not run).
#
# Each script prints TAP: one "ok N - what" or "not ok N - what" per check,
# then "1..N".  Checks compare what the program printed or stored with
# values the script states itself.

: "${DIENHINH_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${DIENHINH_BIN:=$DIENHINH_ROOT/build/dienhinh}"
export LC_ALL=C.UTF-8
unset DIENHINH_CONFIG DIENHINH_USER DIENHINH_TODAY

T_N=0
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/dienhinh-e2e.XXXXXX")
trap 't_cleanup' EXIT
t_cleanup() {
	local hook
	for hook in "${T_CLEANUP[@]:-}"; do [ -n "$hook" ] && eval "$hook"; done
	rm -rf "$T_DIR"
	echo "1..$T_N"
}
T_CLEANUP=()

# ok CONDITION-STATUS DESCRIPTION: report one result.
t_report() {
	T_N=$((T_N + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T_N - $2"; else echo "not ok $T_N - $2"; fi
}

# t_ok DESCRIPTION COMMAND...: passes when COMMAND exits 0.
t_ok() { local d=$1; shift; "$@" >/dev/null 2>&1; t_report $? "$d"; }

# t_fails STATUS DESCRIPTION COMMAND...: passes when COMMAND exits with STATUS.
t_fails() {
	local want=$1 d=$2; shift 2
	"$@" >/dev/null 2>&1
	local rc=$?
	[ "$rc" -eq "$want" ]
	t_report $? "$d (exit $rc, want $want)"
}

# t_refused DESCRIPTION COMMAND...: passes when COMMAND fails (any non-zero status).
t_refused() {
	local d=$1; shift
	"$@" >/dev/null 2>&1
	local rc=$?
	[ "$rc" -ne 0 ]
	t_report $? "$d (exit $rc)"
}

# t_eq DESCRIPTION ACTUAL EXPECTED
t_eq() {
	if [ "$2" == "$3" ]; then t_report 0 "$1"; else
		t_report 1 "$1"
		printf '#   got:  %s\n#   want: %s\n' "${2//$'\n'/$'\n#         '}" "${3//$'\n'/$'\n#         '}"
	fi
}

# t_contains DESCRIPTION HAYSTACK NEEDLE
t_contains() {
	if [[ $2 == *"$3"* ]]; then t_report 0 "$1"; else
		t_report 1 "$1"; printf '#   missing: %s\n#   in: %s\n' "$3" "${2//$'\n'/$'\n#       '}"
	fi
}

# t_lacks DESCRIPTION HAYSTACK NEEDLE
t_lacks() {
	if [[ $2 != *"$3"* ]]; then t_report 0 "$1"; else
		t_report 1 "$1"; printf '#   unexpected: %s\n' "$3"
	fi
}

# Waits poll and end as soon as what they wait for is there, so their limit
# only matters when something is wrong: it is generous, for a machine busy
# with other work (T_LIMIT seconds, 30 unless the environment says more).
# No test asserts how long anything took: timing belongs in `make bench`.
: "${T_LIMIT:=30}"

# t_limit SECONDS: SECONDS, or T_LIMIT when that is longer.
t_limit() { echo $(($1 > T_LIMIT ? $1 : T_LIMIT)); }

# t_until COMMAND...: run COMMAND every 0.05 s until it succeeds (status 0)
# or T_LIMIT seconds have passed (status 1).
t_until() {
	local end=$((SECONDS + T_LIMIT))
	until "$@"; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.05
	done
}

# A fresh database with the shipped config, in $T_DIR/db (or $1).
t_init_db() {
	local db=${1:-$T_DIR/db}
	"$DIENHINH_BIN" --config "$DIENHINH_ROOT/conf/dienhinh.ini" --db "$db" init >/dev/null
}

# dh ARGS...: the program on the test database, acting as "root" (office in
# the shipped config) unless DIENHINH_USER says otherwise.
dh() { DIENHINH_USER=${DIENHINH_USER:-root} "$DIENHINH_BIN" --config "${T_CONFIG:-$DIENHINH_ROOT/conf/dienhinh.ini}" --db "${T_DB:-$T_DIR/db}" "$@"; }

# t_next_period IN OUT: the config IN (its plan declared as [period.p2021])
# with a period 2026-2030 after it, in which Phường Ngã Năm owes 3 a quarter
# and the unit vhxh, begun with it, owes 2 (in it only).
t_next_period() {
	awk '/^\[unit.phuongnganam\]/ { s = 1 }
		s && /^quota = 2/ { print; print "quota.p2026 = 3"; s = 0; next } 1' "$1" >"$2"
	cat >>"$2" <<-'EOF'

	[period.p2026]
	name = "Giai đoạn 2026–2030"
	from = 2026
	to = 2030

	[unit.vhxh]
	name = "Phòng Văn hóa – Xã hội phường Ngã Năm"
	kind = department
	active_from = 2026-01-01
	quota.p2026 = 2
	EOF
}
