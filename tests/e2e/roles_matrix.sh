#!/usr/bin/env bash
# Who may do what: every role against every action through the command line,
# the workflow and the corrections (reopen, withdraw, a commendation's
# details, a propagation entry removed).  Allowed actions succeed and do what
# they say; refused ones exit 1 with a message naming the role and the rule,
# and change nothing.  Quarters stay open here (late_days = 366); closed
# quarters are roles_corrections.sh's.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

export DIENHINH_TODAY=2025-01-10
# The shipped config with accounts for each role; English messages, so that
# the rules can be quoted here.
roles='root = office\nchief = office\nan = phuong1\nbinh = phuong1, phuong2\nxem = viewer'
sed -e "s/^root = office$/$roles/" -e 's/^language = vi$/language = en/' \
	-e 's/^late_days = 10$/late_days = 366/' "$DIENHINH_ROOT/conf/dienhinh.ini" >"$T_DIR/roles.ini"
export T_CONFIG=$T_DIR/roles.ini
t_init_db

as() { local u=$1; shift; DIENHINH_USER=$u dh "$@"; }
# next: a new number for a record's name (kept in a file: callers run in subshells).
echo 0 >"$T_DIR/n"
next() { local n; n=$(($(cat "$T_DIR/n") + 1)); echo "$n" >"$T_DIR/n"; echo "$n"; }
# mk STATUS UNIT: a record of UNIT brought to STATUS by the office; prints its id.
mk() {
	local id n
	n=$(next)
	id=$(dh add --unit "$2" --type individual --category official --name "Gương số $n" \
		--achievements "Vận động 30 hộ hiến đất" --date 2024-08-01) || return 1
	case $1 in
	returned) dh review "$id" return --reason "Thiếu ảnh" ;;
	accepted | propagated | proposed | commended | revoked) dh review "$id" accept ;;
	withdrawn) dh withdraw "$id" --reason "Nhập nhầm" ;;
	esac >/dev/null
	[ "$1" = propagated ] && dh propagate "$id" --channel radio --date 2024-09-02 >/dev/null
	case $1 in proposed | commended | revoked) dh propose "$id" --date 2024-11-01 >/dev/null ;; esac
	case $1 in commended | revoked)
		dh commend "$id" --form "Giấy khen" --decision "12/QĐ-UBND" --date 2024-12-01 \
			--signer "Chủ tịch UBND" >/dev/null ;;
	esac
	[ "$1" = revoked ] && dh revoke "$id" --reason "Sai sót" >/dev/null
	echo "$id"
}
# The state a refused action must leave alone: the list, the record, the log.
snap() {
	dh list --format tsv; [ -n "$1" ] && dh show "$1" --format tsv; dh log --format tsv
	dh quota --year 2024 --quarter 3 --format tsv
}
# counted UNIT: how many of the unit's 2024 Q3 exemplars count toward its quota
counted() {
	dh quota --year 2024 --quarter 3 --format tsv | awk -F'\t' -v u="$1" '$3 == u { print $5 }'
}
field() { dh show "$1" --format tsv | awk -F'\t' -v f="$2" '$1 == f { print $2 }'; }

# The status an action starts from, and its command line (ID is replaced).
declare -A from=([edit]=introduced [accept]=introduced [return]=introduced
	[resubmit]=returned [propose]=accepted [commend]=proposed [revoke]=commended
	[propagate]=accepted [reopen]=accepted [withdraw]=introduced [correct]=commended
	[unpropagate]=propagated)
declare -A cmd=([edit]="edit ID --position Tổ_trưởng"
	[accept]="review ID accept" [return]="review ID return --reason Thiếu_ảnh"
	[resubmit]="resubmit ID" [propose]="propose ID"
	[commend]="commend ID --form Bằng_khen --decision 45/QĐ-UBND --date 2024-12-20 \
--signer Chủ_tịch"
	[revoke]="revoke ID --reason Sai_sót"
	[propagate]="propagate ID --channel radio --date 2024-12-02 --ref Số_12"
	[reopen]="reopen ID --reason Xét_lại" [withdraw]="withdraw ID --reason Nhập_nhầm"
	[correct]="edit ID --signer Chủ_tịch_UBND_thị_xã --reason Ghi_rõ_chức_vụ"
	[unpropagate]="propagate ID --remove 1 --reason Ghi_nhầm")
# What an allowed action leaves behind: "FIELD VALUE" in show.
declare -A effect=([edit]="position Tổ_trưởng" [accept]="status accepted"
	[return]="status returned" [resubmit]="status introduced" [propose]="status proposed"
	[commend]="status commended" [revoke]="status revoked"
	[propagate]="propagation radio 2024-12-02 Số_12" [reopen]="status introduced"
	[withdraw]="status withdrawn" [correct]="signer Chủ_tịch_UBND_thị_xã"
	[unpropagate]="propagation ")

# try ACCOUNT ACTION UNIT allow|deny [ROLE RULE]
try() {
	local who=$1 act=$2 unit=$3 want=$4 role=$5 rule=$6 id= before err st out line
	local what="$who $act ($unit)"
	if [ "$act" = add ]; then
		line="add --unit $unit --type individual --category official --name Gương_$(next) \
--date 2024-08-01"
	else
		id=$(mk "${from[$act]}" "$unit")
		line=${cmd[$act]//ID/$id}
	fi
	before=$(snap "$id")
	local n
	n=$(counted "$unit")
	# shellcheck disable=SC2086
	out=$(as "$who" $line 2>"$T_DIR/err"); st=$?
	err=$(cat "$T_DIR/err")
	if [ "$want" = allow ]; then
		t_eq "$what: allowed" "$st: $err" "0: "
		if [ "$act" = add ]; then
			t_eq "$what: the record is there, created by $who" \
				"$(field "$out" created_by)" "$who"
		else
			local f=${effect[$act]%% *} v=${effect[$act]#* }
			t_eq "$what: done" "$(field "$id" "$f")" "$v"
			[ "$act" = withdraw ] &&
				t_eq "$what: the quota counts one fewer" "$(counted "$unit")" $((n - 1))
			t_eq "$what: the log names $who" \
				"$(dh log --record "$id" --format tsv | tail -n 1 | cut -f 3)" \
				"$who"
		fi
		return
	fi
	t_eq "$what: refused (exit 1)" "$st" 1
	t_eq "$what: nothing printed on stdout" "$out" ""
	t_contains "$what: the message names the role" "$err" "$role"
	t_contains "$what: the message names the rule" "$err" "$rule"
	t_eq "$what: nothing changed (list, record, log)" "$(snap "$id")" "$before"
}

OFFICE_ONLY="only the Home Affairs Office (office role) can review, propose, commend, revoke \
or record propagation."
CORRECTION_OFFICE="only the Home Affairs Office (office role) can reopen an exemplar or \
correct its commendation or propagation."
VIEWER="viewers can read the register but not change it."
NO_ROLE='"khach" has no role in dienhinh. Ask the Home Affairs Office to add it to the [roles]'
WORKFLOW="accept return propose commend revoke propagate"
CORRECTIONS="reopen correct unpropagate"
ALL="add edit accept return resubmit propose commend revoke propagate reopen withdraw correct \
unpropagate"

# ---- the office: everything, every unit ----------------------------------------------
for act in $ALL; do
	try chief "$act" phuong2 allow
done
try chief add tuphap allow

# ---- staff of Phường 1 -----------------------------------------------------------------
R1="Your role is Unit staff (staff: phuong1)"
try an add phuong1 allow
try an edit phuong1 allow
try an resubmit phuong1 allow
try an add phuong2 deny "$R1" \
	"unit staff can only introduce exemplars for their own units, not for Phường 2."
try an edit phuong2 deny "$R1" \
	"unit staff can only change exemplars of their own units, not of Phường 2."
try an resubmit phuong2 deny "$R1" "not of Phường 2."
for act in $WORKFLOW; do
	try an "$act" phuong1 deny "$R1" "$OFFICE_ONLY"
done
try an accept phuong2 deny "$R1" "only the Home Affairs Office"
# the corrections: staff withdraw their own unit's records while introduced or returned
try an withdraw phuong1 allow
try an withdraw phuong2 deny "$R1" "not of Phường 2."
for act in $CORRECTIONS; do
	try an "$act" phuong1 deny "$R1" "$CORRECTION_OFFICE"
done
id=$(mk returned phuong1)
as an withdraw "$id" --reason "Nhập nhầm" >/dev/null 2>&1
t_eq "an withdraws own returned record" "$?:$(field "$id" status)" "0:withdrawn"
for s in accepted proposed commended; do
	id=$(mk "$s" phuong1)
	before=$(snap "$id")
	err=$(as an withdraw "$id" --reason "Nhập nhầm" 2>&1 >/dev/null); st=$?
	t_eq "an withdraw own $s record: refused (exit 1)" "$st" 1
	t_contains "an withdraw own $s record: rule" "$err" \
		"unit staff can only withdraw an exemplar while it is introduced or returned"
	t_eq "an withdraw own $s record: nothing changed" "$(snap "$id")" "$before"
done

# staff edit by status: introduced and returned yes, later no
id=$(mk returned phuong1)
as an edit "$id" --workplace "Khóm 1" >/dev/null 2>&1
t_eq "an edits own returned record" "$?:$(field "$id" workplace)" "0:Khóm 1"
for s in accepted proposed commended revoked; do
	id=$(mk "$s" phuong1)
	before=$(snap "$id")
	err=$(as an edit "$id" --workplace "Khóm 9" 2>&1 >/dev/null); st=$?
	t_eq "an edit own $s record: refused (exit 1)" "$st" 1
	t_contains "an edit own $s record: role" "$err" "$R1"
	t_contains "an edit own $s record: rule" "$err" \
		"unit staff can only edit an exemplar while it is introduced or returned"
	t_eq "an edit own $s record: nothing changed" "$(snap "$id")" "$before"
done
# staff cannot move their record into another unit's hands
id=$(mk introduced phuong1)
before=$(snap "$id")
err=$(as an edit "$id" --unit phuong2 2>&1 >/dev/null); st=$?
t_eq "an moves own record to Phường 2: refused" "$st" 1
t_contains "an moves own record to Phường 2: rule" "$err" "not for Phường 2."
t_eq "an moves own record to Phường 2: nothing changed" "$(snap "$id")" "$before"

# ---- staff of Phường 1 and Phường 2 ---------------------------------------------------
R12="Your role is Unit staff (staff: phuong1, phuong2)"
try binh add phuong2 allow
try binh edit phuong2 allow
try binh resubmit phuong2 allow
try binh add phuong3 deny "$R12" "not for Phường 3."
try binh edit phuong3 deny "$R12" "not of Phường 3."
try binh resubmit phuong3 deny "$R12" "not of Phường 3."
for act in $WORKFLOW; do
	try binh "$act" phuong2 deny "$R12" "$OFFICE_ONLY"
done
try binh withdraw phuong2 allow
try binh withdraw phuong3 deny "$R12" "not of Phường 3."
for act in $CORRECTIONS; do
	try binh "$act" phuong2 deny "$R12" "$CORRECTION_OFFICE"
done

# ---- the viewer ------------------------------------------------------------------------
for act in $ALL; do
	try xem "$act" phuong1 deny "Your role is Read only (viewer)" "$VIEWER"
done

# ---- an account with no role -------------------------------------------------------------
for act in $ALL; do
	try khach "$act" phuong1 deny "account" "$NO_ROLE"
done

# ---- reading: everyone with a role reads every unit --------------------------------------
id=$(mk introduced phuong3)
for who in chief an binh xem; do
	t_contains "$who lists other units' records" "$(as "$who" list --format tsv)" \
		$'\tphuong3\t'
	t_eq "$who shows another unit's record" "$(as "$who" show "$id" --format tsv)" \
		"$(dh show "$id" --format tsv)"
	t_eq "$who reads the quota" "$(as "$who" quota --year 2024 --format tsv)" \
		"$(dh quota --year 2024 --format tsv)"
	t_eq "$who reads the units" "$(as "$who" units --format tsv | wc -l)" 35
done

# ---- the audit log: the office all of it, staff their units' records, viewers none -------
# records_of UNIT...: the numbers of the records of those units, one a line, sorted
# (the withdrawn ones too: they keep their history).
records_of() {
	local u
	for u in "$@"; do
		dh list --unit "$u" --format tsv | tail -n +2 | cut -f 1
		dh list --unit "$u" --status withdrawn --format tsv | tail -n +2 | cut -f 1
	done | sort -u
}
logged() { as "$1" log --format tsv | tail -n +2 | cut -f 5 | sort -u; }
t_eq "chief reads the whole log" "$(as chief log --format tsv)" "$(dh log --format tsv)"
t_eq "an reads the history of phuong1's records, all of it" "$(logged an)" \
	"$(records_of phuong1)"
t_eq "binh reads the history of phuong1's and phuong2's records" "$(logged binh)" \
	"$(records_of phuong1 phuong2)"
t_fails 1 "an is refused another unit's record's history" as an log --record "$id"
t_fails 1 "xem is refused the log" as xem log --format tsv
for args in "list" "show $id" "log" "quota" "units"; do
	# shellcheck disable=SC2086
	err=$(as khach $args 2>&1 >/dev/null); st=$?
	t_eq "no role: $args refused (exit 1)" "$st" 1
	t_contains "no role: $args says why" "$err" "$NO_ROLE"
done

# ---- whoami ------------------------------------------------------------------------------
t_eq "whoami: office" "$(as chief whoami)" $'chief\toffice\tHome Affairs Office (office)'
t_eq "whoami: staff" "$(as binh whoami)" $'binh\tstaff\tUnit staff (staff: phuong1, phuong2)'
t_eq "whoami: viewer" "$(as xem whoami)" $'xem\tviewer\tRead only (viewer)'
t_eq "whoami: no role" "$(as khach whoami)" $'khach\tnone'

# ---- in Vietnamese the role is named as well ---------------------------------------------
sed 's/^language = en$/language = vi/' "$T_CONFIG" >"$T_DIR/roles_vi.ini"
err=$(T_CONFIG=$T_DIR/roles_vi.ini as an add --unit phuong2 --type individual \
	--category official --name "Lê Văn Tám" --date 2024-08-01 2>&1 >/dev/null); st=$?
t_eq "Vietnamese: refused (exit 1)" "$st" 1
t_contains "Vietnamese: the role code is in the message" "$err" "(staff: phuong1)"
t_contains "Vietnamese: the unit is named" "$err" "Phường 2"

out=$(dh check 2>&1); st=$?
t_eq "the database is sound after it all" "$st" 0
