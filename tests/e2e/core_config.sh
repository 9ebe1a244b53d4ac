#!/usr/bin/env bash
# A broken config is refused with its file, line and key named, and the
# database is left exactly as it was.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10
CONF=$DIENHINH_ROOT/conf/dienhinh.ini
t_init_db
dh add --unit phuong1 --type individual --category official --name "Nguyễn Văn An" \
	--date 2024-08-01 >/dev/null
sums() { sha256sum "$T_DIR/db/data.mdb" "$T_DIR/db/lock.mdb" | cut -d ' ' -f 1; }
listing=$(dh list --format tsv)
# Readers register in lock.mdb, so the sums are taken after the last good read.
before=$(sums)

# broken NAME FILE KEY LINE-PATTERN: every command refuses FILE, naming it, the line and the
# key (the line is the last one matching the pattern).
broken() {
	local name=$1 file=$2 key=$3 line cmd err st
	line=$(grep -n -- "$4" "$file" | tail -n 1 | cut -d : -f 1)
	[ -n "$line" ] || { t_report 1 "$name: the test could not find its line"; return; }
	for cmd in "list" "units" "quota" "init" "show 1" "add --unit phuong1 --type individual \
--category official --name B --date 2024-08-01"; do
		# shellcheck disable=SC2086
		err=$(T_CONFIG=$file dh $cmd 2>&1 >/dev/null); st=$?
		t_eq "$name: $cmd refused (exit 1)" "$st" 1
	done
	t_contains "$name: the file and line are named" "$err" "$file:$line:"
	t_contains "$name: the key is named" "$err" "$key"
	t_eq "$name: one message, one line" "$(wc -l <<<"$err")" 1
	t_eq "$name: the database is untouched" "$(sums)" "$before"
}

# quota = abc in Phường 2's section.
awk '/^\[unit.phuong2\]/ { s = 1 } s && /^quota = 2/ { print "quota = abc"; s = 0; next } 1' \
	"$CONF" >"$T_DIR/quota_abc.ini"
broken "quota = abc" "$T_DIR/quota_abc.ini" "quota" "^quota = abc"
t_contains "quota = abc: the section is named" \
	"$(T_CONFIG=$T_DIR/quota_abc.ini dh list 2>&1)" "[unit.phuong2] quota"
t_contains "quota = abc: the value is quoted" "$(T_CONFIG=$T_DIR/quota_abc.ini dh list 2>&1)" \
	'"abc"'

# An unknown key in a unit and in the general section.
sed 's/^\(name = "Phường 3"\)$/\1\ncolour = red/' "$CONF" >"$T_DIR/unknown_key.ini"
broken "unknown key" "$T_DIR/unknown_key.ini" "colour" "^colour = red"
sed 's/^\(count_returned = no\)$/\1\ndatabse = \/tmp\/x/' "$CONF" >"$T_DIR/unknown_key2.ini"
broken "misspelt key in [dienhinh]" "$T_DIR/unknown_key2.ini" "databse" "^databse"

# The other refusals the config promises: section, date, duplicate, successor, number range.
cat "$CONF" - >"$T_DIR/section.ini" <<-'EOF'
	[unitt.x]
	name = "X"
EOF
broken "unknown section" "$T_DIR/section.ini" "[unitt.x]" '^\[unitt.x\]'
sed '0,/^active_to = 2025-06-30/s//active_to = 2025-02-30/' "$CONF" >"$T_DIR/date.ini"
broken "bad date" "$T_DIR/date.ini" "active_to" "^active_to = 2025-02-30"
cat "$CONF" - >"$T_DIR/dup.ini" <<-'EOF'
	[unit.phuong1]
	name = "Phường 1 (lần hai)"
	kind = ward
EOF
broken "duplicate unit code" "$T_DIR/dup.ini" "[unit.phuong1]" '^\[unit.phuong1\]'
sed '0,/^successor = phuongnganam/s//successor = nowhere/' "$CONF" >"$T_DIR/successor.ini"
broken "successor that does not exist" "$T_DIR/successor.ini" "successor" \
	"^successor = nowhere"
sed '0,/^quota = 1$/s//quota = 100/' "$CONF" >"$T_DIR/range.ini"
broken "quota out of range" "$T_DIR/range.ini" "quota" "^quota = 100"
sed 's/^from = 2021/from = 20x1/' "$CONF" >"$T_DIR/plan.ini"
broken "a period's first year not a number" "$T_DIR/plan.ini" "from" "^from = 20x1"

# Plan periods: two that share a year, a unit's quota in a period that is not
# declared, and the old plan_from/plan_to beside [period.*] sections.
cat "$CONF" - >"$T_DIR/overlap.ini" <<-'EOF'
	[period.p2025]
	name = "Giai đoạn 2025–2030"
	from = 2025
	to = 2030
EOF
broken "overlapping periods" "$T_DIR/overlap.ini" "[period.p2025] from" "^from = 2025"
t_contains "overlapping periods: the other period and its years are named" \
	"$(T_CONFIG=$T_DIR/overlap.ini dh periods 2>&1)" "[period.p2021] (2021-2025)"
awk '/^\[unit.phuong2\]/ { s = 1 } s && /^quota = 2/ { print; print "quota.p2027 = 3"; s = 0;
	next } 1' "$CONF" >"$T_DIR/unknown_period.ini"
broken "a quota in an unknown period" "$T_DIR/unknown_period.ini" "[unit.phuong2] quota.p2027" \
	"^quota.p2027 = 3"
t_contains "a quota in an unknown period: the section it should have is named" \
	"$(T_CONFIG=$T_DIR/unknown_period.ini dh periods 2>&1)" "tệp không có mục [period.p2027]"
sed 's/^\(count_returned = no\)$/\1\nplan_from = 2021/' "$CONF" >"$T_DIR/plan_beside.ini"
broken "plan_from beside [period.*]" "$T_DIR/plan_beside.ini" "[dienhinh] plan_from" \
	"^plan_from = 2021"

# The lookup order: --config, then DIENHINH_CONFIG.
err=$(DIENHINH_CONFIG=$T_DIR/quota_abc.ini "$DIENHINH_BIN" --db "$T_DIR/db" list 2>&1 \
	>/dev/null); st=$?
t_eq "DIENHINH_CONFIG is read when --config is not given" "$st" 1
t_contains "DIENHINH_CONFIG: its file is named" "$err" "$T_DIR/quota_abc.ini:"
t_eq "--config wins over DIENHINH_CONFIG" \
	"$(DIENHINH_CONFIG=$T_DIR/quota_abc.ini dh list --format tsv)" "$listing"
before=$(sums)

# A bad config never creates a database either.
T_DB=$T_DIR/fresh T_CONFIG=$T_DIR/quota_abc.ini dh init >/dev/null 2>&1
[ ! -e "$T_DIR/fresh" ]; t_report $? "init with a bad config creates nothing"

t_eq "after all that, the database is untouched" "$(sums)" "$before"
t_eq "and reads as before" "$(dh list --format tsv)" "$listing"
