#!/usr/bin/env bash
# The review workflow through the command line: every step from every status,
# allowed or refused, the reasons and details each step requires, and the
# quota count leaving returned exemplars out.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10
# Quarters stay open here (late_days = 366); closed quarters are roles_corrections.sh's.
sed -e 's/^root = office$/root = office\nan = phuong1/' -e 's/^language = vi$/language = en/' \
	-e 's/^late_days = 10$/late_days = 366/' "$DIENHINH_ROOT/conf/dienhinh.ini" >"$T_DIR/roles.ini"
export T_CONFIG=$T_DIR/roles.ini
t_init_db

echo 0 >"$T_DIR/n"
next() { local n; n=$(($(cat "$T_DIR/n") + 1)); echo "$n" >"$T_DIR/n"; echo "$n"; }
field() { dh show "$1" --format tsv | awk -F'\t' -v f="$2" '$1 == f { print $2 }'; }

# The command line of each step (ID replaced by the record's number).
declare -A cmd=([accept]="review ID accept" [return]="review ID return --reason Thiếu_ảnh"
	[resubmit]="resubmit ID" [propose]="propose ID --date 2024-12-01"
	[commend]="commend ID --form Bằng_khen --decision 45/QĐ-UBND --date 2024-12-20 \
--signer Chủ_tịch"
	[revoke]="revoke ID --reason Sai_sót"
	[propagate]="propagate ID --channel portal --date 2024-12-02 --ref Trang_tin")
# How each status is reached from introduced.
declare -A path=([introduced]="" [accepted]="accept" [returned]="return"
	[proposed]="accept propose" [commended]="accept propose commend"
	[revoked]="accept propose commend revoke")
# The status each step leads to; "same" = allowed, status unchanged; absent = refused.
declare -A next_status=([introduced.accept]=accepted [introduced.return]=returned
	[returned.resubmit]=introduced [accepted.propose]=proposed
	[proposed.commend]=commended [commended.revoke]=revoked
	[accepted.propagate]=same [proposed.propagate]=same [commended.propagate]=same)
# The rule each refused step names.
declare -A rule=([accept]="only an introduced exemplar can be accepted."
	[return]="only an introduced exemplar can be returned."
	[resubmit]="only a returned exemplar can be introduced again."
	[propose]="only an accepted exemplar can be proposed for commendation."
	[commend]="only an exemplar proposed for commendation can be commended."
	[revoke]="only a commended exemplar can have its commendation revoked."
	[propagate]="propagation can be recorded only once an exemplar is accepted.")
declare -A label=([introduced]=Introduced [accepted]=Accepted [returned]=Returned
	[proposed]="Proposed for commendation" [commended]=Commended
	[revoked]="Commendation revoked")

run() { # STEP ID [USER]: run a step, as the office unless USER is given
	local line=${cmd[$1]//ID/$2}
	# shellcheck disable=SC2086
	DIENHINH_USER=${3:-root} dh $line
}
mk() { # STATUS: a record in that status; prints its id
	local id s
	id=$(dh add --unit phuong1 --type individual --category official --name "Gương $(next)" \
		--achievements "Vận động 30 hộ hiến đất" --date 2024-08-01) || return 1
	for s in ${path[$1]}; do run "$s" "$id" >/dev/null || return 1; done
	echo "$id"
}

# ---- every step from every status -----------------------------------------------------
allowed=0 refused=0
for from in introduced accepted returned proposed commended revoked; do
	for step in accept return resubmit propose commend revoke propagate; do
		id=$(mk "$from")
		t_eq "setup: a record $from" "$(field "$id" status)" "$from"
		version=$(field "$id" version)
		before=$(dh show "$id" --format tsv; dh log --format tsv)
		out=$(run "$step" "$id" 2>"$T_DIR/err"); st=$?
		to=${next_status[$from.$step]:-}
		if [ -n "$to" ]; then
			allowed=$((allowed + 1))
			[ "$to" = same ] && to=$from
			t_eq "$from → $step: allowed" "$st" 0
			t_eq "$from → $step: now $to" "$(field "$id" status)" "$to"
			t_eq "$from → $step: a new version" "$(field "$id" version)" \
				$((version + 1))
			t_eq "$from → $step: the log has it" \
				"$(dh log --record "$id" --format tsv | tail -n 1 | cut -f 3,4)" \
				$'root\t'"$step"
		else
			refused=$((refused + 1))
			t_eq "$from → $step: refused (exit 1)" "$st" 1
			t_contains "$from → $step: the rule is named" "$(cat "$T_DIR/err")" \
				"is \"${label[$from]}\": ${rule[$step]}"
			t_eq "$from → $step: nothing changed" \
				"$(dh show "$id" --format tsv; dh log --format tsv)" "$before"
		fi
	done
done
t_eq "9 steps allowed, 33 refused" "$allowed $refused" "9 33"

# ---- the status changes a step makes are visible in the log, field by field -------------
id=$(mk introduced)
run return "$id" >/dev/null
t_eq "return: the log holds status before and after and the reason" \
	"$(dh log --record "$id" --format tsv |
		awk -F'\t' -v OFS='|' '$4 == "return" { print $6, $7, $8, $9 }')" \
	"status|introduced|returned|Thiếu_ảnh
status_reason||Thiếu_ảnh|Thiếu_ảnh"
t_eq "return: show gives the reason" "$(field "$id" status_reason)" "Thiếu_ảnh"
run resubmit "$id" an >/dev/null
t_eq "resubmit by staff: introduced again" "$(field "$id" status)" introduced
t_eq "resubmit: the old reason is dropped" "$(field "$id" status_reason)" ""

# ---- reasons and details are required -------------------------------------------------------
id=$(mk introduced)
before=$(dh show "$id" --format tsv)
need() { # WHAT OPTION ARGS...: refused with the field's option named, nothing changed
	local what=$1 f=$2 err st; shift 2
	err=$(dh "$@" 2>&1 >/dev/null); st=$?
	t_eq "$what: refused (exit 1)" "$st" 1
	t_contains "$what: names the field" "$err" "(--$f)"
}
need "return without a reason" reason review "$id" return
need "return with an empty reason" reason review "$id" return --reason ""
need "return with a blank reason" reason review "$id" return --reason "   "
need "return with a reason holding ESC" reason review "$id" return \
	--reason $'Thiếu\x1b[2J'
t_eq "the record is still introduced" "$(dh show "$id" --format tsv)" "$before"
id=$(mk commended)
before=$(dh show "$id" --format tsv)
need "revoke without a reason" reason revoke "$id"
need "revoke with a blank reason" reason revoke "$id" --reason " "
t_eq "the record is still commended" "$(dh show "$id" --format tsv)" "$before"
id=$(mk proposed)
before=$(dh show "$id" --format tsv)
S=(--signer "Chủ tịch")
need "commend without a form" form commend "$id" --decision 1/QĐ --date 2024-12-20 "${S[@]}"
need "commend without a decision" decision commend "$id" --form "Bằng khen" --date 2024-12-20 \
	"${S[@]}"
need "commend without a date" date commend "$id" --form "Bằng khen" --decision 1/QĐ \
	"${S[@]}"
need "commend dated after today" date commend "$id" --form "Bằng khen" \
	--decision 1/QĐ --date 2025-01-11 "${S[@]}"
need "commend without a signer" signer commend "$id" --form "Bằng khen" --decision 1/QĐ \
	--date 2024-12-20
need "commend dated before the proposal (01/12/2024)" date commend "$id" \
	--form "Bằng khen" --decision 1/QĐ --date 2024-11-30 "${S[@]}"
need "commend dated before the introduction (01/08/2024)" date commend "$id" \
	--form "Bằng khen" --decision 1/QĐ --date 2024-07-31 "${S[@]}"
t_eq "the record is still proposed" "$(dh show "$id" --format tsv)" "$before"
id=$(mk accepted)
before=$(dh show "$id" --format tsv)
need "propagate without a channel" channel propagate "$id" --date 2024-12-02
need "propagate without a date" date propagate "$id" --channel radio
need "propagate dated after today" date propagate "$id" --channel radio --date 2025-02-01
t_eq "the record has no propagation" "$(dh show "$id" --format tsv)" "$before"
dh commend "$(mk proposed)" --form "Bằng khen" --decision 2/QĐ --date 2024-12-01 \
	"${S[@]}" >/dev/null
t_eq "commend: on the day of the proposal" "$?" 0
dh propagate "$id" --channel other --date 2024-12-02 >/dev/null
t_eq "propagate: reference is optional" "$(field "$id" propagation)" "other 2024-12-02 "
dh propagate "$id" --channel radio --date 2024-12-09 --ref "Số 13" >/dev/null
t_eq "propagations accumulate, oldest first" \
	"$(dh show "$id" --format tsv | awk -F'\t' '$1 == "propagation" { print $2 }')" \
	"other 2024-12-02 
radio 2024-12-09 Số 13"

# ---- returned exemplars do not count toward the quota ----------------------------------------
q() {
	dh quota --year 2024 --quarter 3 --format tsv |
		awk -F'\t' -v u="$1" '$3 == u { print $5 "/" $4 " " $6 }'
}
a=$(dh add --unit phuong2 --type individual --category official --name "Lê Văn Tám" \
	--achievements "Giỏi việc nước" --date 2024-07-10)
b=$(dh add --unit phuong2 --type collective --category residential --name "Khóm 5" \
	--achievements "Khu dân cư kiểu mẫu" --date 2024-09-10)
t_eq "two introduced: Phường 2 met 2/2" "$(q phuong2)" "2/2 met"
run return "$a" >/dev/null
t_eq "one returned: Phường 2 short 1/2" "$(q phuong2)" "1/2 short"
t_eq "the list still shows both" "$(dh list --unit phuong2 --format tsv | tail -n +2 | wc -l)" 2
run resubmit "$a" >/dev/null
t_eq "introduced again: met 2/2" "$(q phuong2)" "2/2 met"
for s in accept propose commend revoke; do run "$s" "$b" >/dev/null; done
t_eq "accepted, proposed, commended, revoked still count: 2/2" "$(q phuong2)" "2/2 met"
run return "$a" >/dev/null
sed 's/^count_returned = no/count_returned = yes/' "$T_CONFIG" >"$T_DIR/count.ini"
t_eq "with count_returned = yes a returned one counts" \
	"$(T_CONFIG=$T_DIR/count.ini q phuong2)" "2/2 met"
t_eq "and with the default it does not" "$(q phuong2)" "1/2 short"

out=$(dh check 2>&1); st=$?
t_eq "the database is sound after it all" "$st" 0
