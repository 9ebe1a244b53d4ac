#!/usr/bin/env bash
# The exemplar's fields, walked from one table (include/fields.h), read a
# database written before the table the same way: the one the program wrote
# at 31ac6f1 (tests/data/legacy/README says how) passes `check`, and its
# export is, byte for byte, the one that build made of it, once the columns
# of the fields added since (empty in every old record) are left out.
source "$(dirname "$0")/lib.sh"
legacy=$DIENHINH_ROOT/tests/data/legacy
# A copy: opening a database writes its lock file beside it.
cp -r "$legacy/db" "$T_DIR/db"
# As the answers were made: that day, that account, times written in UTC.
export TZ=UTC DIENHINH_TODAY=2025-11-14 DIENHINH_USER=root
T_CONFIG=$legacy/dienhinh.ini

out=$(dh check 2>&1)
t_report $? "check passes on the old database"
t_contains "and counts every record" "$out" "772"
dh export --format csv --no-bom >"$T_DIR/new.csv"
t_report $? "export --format csv"
t_older_columns csv "Ghi bổ sung" "Lý do ghi bổ sung" "Ngày đề nghị khen thưởng" \
	<"$T_DIR/new.csv" >"$T_DIR/export.csv"
t_report $? "the columns added since hold nothing for the old records"
# ... and the rest is the old export but for the wordings changed since (renames.sed).
sed -f "$legacy/renames.sed" "$legacy/export.csv" >"$T_DIR/want.csv"
cmp -s "$T_DIR/export.csv" "$T_DIR/want.csv"
same=$?
t_report $same "the export is the old program's, byte for byte but for the wordings renamed since"
[ $same -eq 0 ] || diff "$T_DIR/want.csv" "$T_DIR/export.csv" | head -n 10 | sed 's/^/#   /'
# One record, as the old program's audit trail (log.tsv) says it was made.
show=$(dh show 769 --format tsv)
t_contains "its name" "$show" $'name\tNguyễn Thị Hồng'
t_contains "its commendation" "$show" $'decision\t12/QĐ-UBND'
t_contains "its propagation" "$show" $'propagation\tradio 2025-11-01 Số 45'
