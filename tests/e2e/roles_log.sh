#!/usr/bin/env bash
# The audit trail of a scripted sequence: each change with who, when, and
# every changed field's value before and after.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10
# Quarters stay open for a year, so that staff act on their 2024 record here
# (closed quarters are roles_corrections.sh's).
sed -e 's/^root = office$/root = office\nchief = office\nan = phuong1\nxem = viewer/' \
	-e 's/^language = vi$/language = en/' -e 's/^late_days = 10$/late_days = 366/' \
	"$DIENHINH_ROOT/conf/dienhinh.ini" >"$T_DIR/roles.ini"
export T_CONFIG=$T_DIR/roles.ini
t_init_db
as() { local u=$1; shift; DIENHINH_USER=$u dh "$@" >/dev/null; }

t0=$(date +%Y-%m-%dT%H:%M:%S)
id=$(DIENHINH_USER=an dh add --unit phuong1 --type individual --category official \
	--name "Nguyễn Văn An" --gender male --birth-year 1980 --position "Phó trưởng khóm" \
	--achievements "Vận động 30 hộ hiến đất" --date 2024-08-01)
as chief add --unit phuong2 --type collective --category residential --name "Khóm 5" \
	--date 2024-08-02
as an edit "$id" --name "Nguyễn Văn Ân" --position "Trưởng khóm"
as root review "$id" return --reason "Thiếu ảnh"
as an edit "$id" --workplace "Khóm 2, Phường 1"
as an resubmit "$id"
as chief review "$id" accept
as chief propagate "$id" --channel radio --date 2024-12-02 --ref "Chuyên mục số 12"
as chief propose "$id" --date 2024-12-10
as chief commend "$id" --form "Giấy khen" --decision "45/QĐ-UBND" --date 2024-12-20 \
	--signer "Nguyễn Văn Tư"
as chief revoke "$id" --reason "Sai sót hồ sơ"
t1=$(date +%Y-%m-%dT%H:%M:%S)

log=$(dh log --record "$id" --format tsv)
t_eq "log --record: header" "$(head -n 1 <<<"$log")" \
	$'seq\ttime\tuser\top\trecord\tfield\tbefore\tafter\tnote'
# user|op|field|before|after|note of every row, worked out from the sequence above.
t_eq "log --record: who did what to which field, before and after" \
	"$(tail -n +2 <<<"$log" | awk -F'\t' -v OFS='|' '{ print $3, $4, $6, $7, $8, $9 }')" \
	"an|add|unit||phuong1|
an|add|type||individual|
an|add|category||official|
an|add|name||Nguyễn Văn An|
an|add|gender||male|
an|add|birth_year||1980|
an|add|position||Phó trưởng khóm|
an|add|achievements||Vận động 30 hộ hiến đất|
an|add|date||2024-08-01|
an|add|status||introduced|
an|edit|name|Nguyễn Văn An|Nguyễn Văn Ân|
an|edit|position|Phó trưởng khóm|Trưởng khóm|
root|return|status|introduced|returned|Thiếu ảnh
root|return|status_reason||Thiếu ảnh|Thiếu ảnh
an|edit|workplace||Khóm 2, Phường 1|
an|resubmit|status|returned|introduced|
an|resubmit|status_reason|Thiếu ảnh||
chief|accept|status|introduced|accepted|
chief|propagate|propagation||radio 2024-12-02 Chuyên mục số 12|
chief|propose|status|accepted|proposed|
chief|propose|proposal_date||2024-12-10|
chief|commend|status|proposed|commended|
chief|commend|form||Giấy khen|
chief|commend|decision||45/QĐ-UBND|
chief|commend|decision_date||2024-12-20|
chief|commend|signer||Nguyễn Văn Tư|
chief|revoke|status|commended|revoked|Sai sót hồ sơ
chief|revoke|status_reason||Sai sót hồ sơ|Sai sót hồ sơ"
# As text, for people: field names, codes and dates in words, as the screens write them
# (in English here, as the config says).
text=$(dh log --record "$id" --width 200)  # wide enough for every value
[[ $(grep -m 1 "Thiếu ảnh" <<<"$text") =~ "Status "\ +"Introduced "\ +"Returned"\ +"Thiếu ảnh" ]]
t_report $? "text: a status change in words"
t_contains "text: the category's label" "$text" "Cadres, civil servants, public employees and workers"
t_contains "text: the gender's" "$(grep -m 1 "Gender" <<<"$text")" "Male"
t_contains "text: a date as written here" "$text" "20/12/2024"
for code in introduced returned official male 2024-12-20 2024-08-01; do
	t_lacks "text: no code \"$code\"" "$text" "$code"
done
t_eq "every row names the record" "$(tail -n +2 <<<"$log" | cut -f 5 | sort -u)" "$id"
t_eq "every row has a time within the run" \
	"$(tail -n +2 <<<"$log" | awk -F'\t' -v a="$t0" -v b="$t1" '$2 < a || $2 > b')" ""
[[ $(sed -n 2p <<<"$log" | cut -f 2) =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$ ]]
t_report $? "times are written YYYY-MM-DDTHH:MM:SS"
t_eq "one entry per change, in order: 10 entries with growing numbers" \
	"$(tail -n +2 <<<"$log" | cut -f 1 | uniq | sort -n -c && tail -n +2 <<<"$log" |
		cut -f 1 | uniq | wc -l)" 10
t_eq "the entries of one change share a number and a user" \
	"$(tail -n +2 <<<"$log" | cut -f 1,3,4 | sort -u | cut -f 1 | uniq -d)" ""

# Filters.
t_eq "log --user an: only an's rows" \
	"$(dh log --user an --format tsv | tail -n +2 | cut -f 3 | sort | uniq -c | tr -s ' ')" \
	" 15 an"
t_eq "log --user chief: chief's other record is there too" \
	"$(dh log --user chief --format tsv | tail -n +2 | cut -f 5 | sort -u | wc -l)" 2
t_eq "log --user nobody: nothing" "$(dh log --user nobody --format tsv | tail -n +2)" ""
t_eq "log --since today: everything of the run" \
	"$(dh log --since "$(date +%F)" --record "$id" --format tsv)" "$log"
t_eq "log --since tomorrow: nothing" \
	"$(dh log --since "$(date -d tomorrow +%F)" --format tsv | tail -n +2)" ""
t_eq "log without filters: both records and the unit set-up" \
	"$(dh log --format tsv | tail -n +2 | cut -f 4 | sort -u | tr '\n' ' ')" \
	"accept add commend edit propagate propose resubmit return revoke units "

# As people read it.
text=$(dh log --record "$id" --width 200)  # wide enough for every value
for s in "Nguyễn Văn An" "Nguyễn Văn Ân" "Thiếu ảnh" "chief" "an " "Profile edit" "Return to the unit" \
	"Commendation" "45/QĐ-UBND"; do
	t_contains "log as text shows \"$s\"" "$text" "$s"
done
t_eq "log as text: a line per changed field, plus header and rule" \
	"$(wc -l <<<"$text")" $(($(wc -l <<<"$log") + 1))

# Who reads the log: the office all of it, unit staff their own units' records'
# history and nothing else, viewers none of it.
all=$(dh log --format tsv)
t_eq "the office reads entries about both records and about no record (the units)" \
	"$(tail -n +2 <<<"$all" | cut -f 5 | sort -u | tr '\n' ' ')" " $id $((id + 1)) "
staff=$(DIENHINH_USER=an dh log --format tsv); st=$?
t_eq "unit staff (phuong1): log exits 0" "$st" 0
t_eq "unit staff: every row is about the Phường 1 record" \
	"$(tail -n +2 <<<"$staff" | cut -f 5 | sort -u)" "$id"
t_eq "unit staff: all of that record's history, as the office reads it" "$staff" \
	"$(dh log --record "$id" --format tsv)"
t_lacks "unit staff: nothing of the Phường 2 record" "$staff" "Khóm 5"
t_eq "unit staff: their own record's history by --record" \
	"$(DIENHINH_USER=an dh log --record "$id" --format tsv)" "$staff"
err=$(DIENHINH_USER=an dh log --record $((id + 1)) 2>&1 >/dev/null); st=$?
t_eq "unit staff: another unit's record's history is refused (exit 1)" "$st" 1
t_contains "... saying whose it is" "$err" "not of Phường 2."
out=$(DIENHINH_USER=an dh log --user chief --format tsv | tail -n +2 | cut -f 5 | sort -u)
t_eq "unit staff: --user narrows within their own units' history" "$out" "$id"
out=$(DIENHINH_USER=xem dh log 2>"$T_DIR/xem.err"); st=$?
t_eq "a viewer: log is refused (exit 1)" "$st" 1
t_eq "a viewer: not a line of it on standard output" "$out" ""
t_contains "a viewer: the refusal names the role and the rule" "$(cat "$T_DIR/xem.err")" \
	"Read only (viewer): viewers can read the register but not its audit log"
t_fails 1 "a viewer: log --format tsv is refused too" env DIENHINH_USER=xem \
	"$DIENHINH_BIN" --config "$T_CONFIG" --db "$T_DIR/db" log --format tsv
