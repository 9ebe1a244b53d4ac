#!/usr/bin/env bash
# The screens live in a shared object of their own (dienhinh-ui.so, see
# include/screens.h): a command starts without ncursesw (and without libcsv
# and libxlsxwriter, opened when first needed: dynlib.h), and a program
# whose screens are missing says so in Vietnamese instead of failing to start.
. "$(dirname "$0")/lib.sh"
export DIENHINH_USER=root

so=$DIENHINH_ROOT/build/dienhinh-ui.so
t_ok "the screens are built beside the program" test -f "$so"

loaded=$(LD_DEBUG=files "$DIENHINH_BIN" --version 2>&1 >/dev/null)
t_contains "a command loads the database library" "$loaded" "liblmdb.so"
t_lacks "a command does not load ncursesw" "$loaded" "libncursesw"
t_lacks "a command does not load tinfo" "$loaded" "libtinfo"
t_lacks "a command does not load the screens" "$loaded" "dienhinh-ui.so"
t_lacks "a command does not load libcsv" "$loaded" "libcsv"
t_lacks "a command does not load libxlsxwriter" "$loaded" "libxlsxwriter"
t_contains "the screens' object is what needs ncursesw" \
	"$(objdump -p "$so" | awk '$1 == "NEEDED" { print $2 }')" "libncursesw.so"

# A copy of the program without the object beside it (and its Vietnamese
# catalogue, which is looked for beside it too).
bin=$T_DIR/bin
mkdir -p "$bin/locale/vi/LC_MESSAGES"
cp "$DIENHINH_BIN" "$bin/dienhinh"
cp "$DIENHINH_ROOT/build/locale/vi/LC_MESSAGES/dienhinh.mo" "$bin/locale/vi/LC_MESSAGES/"
pkglib=$(sed -n 's/^#define DIENHINH_PKGLIBDIR "\(.*\)"$/\1/p' "$DIENHINH_ROOT/build/gen/paths.h")
t_init_db
if [ -e "$pkglib/dienhinh-ui.so" ]; then
	for _ in 1 2 3; do
		T_N=$((T_N + 1)); echo "ok $T_N # SKIP the screens are installed in $pkglib"
	done
else
	out=$("$bin/dienhinh" --config "$DIENHINH_ROOT/conf/dienhinh.ini" --db "$T_DIR/db" \
		</dev/null 2>&1); st=$?
	t_eq "without the screens the program exits 1" "$st" 1
	t_contains "and says in Vietnamese that the screens cannot be opened" "$out" \
		"Không mở được các màn hình ($pkglib/dienhinh-ui.so: "
	t_eq "naming the file once" "$(grep -o 'dienhinh-ui.so' <<<"$out" | wc -l)" 1
fi
# An import is what opens libcsv.
printf 'Mã đơn vị,Loại,Lĩnh vực,Tên,Ngày giới thiệu\nphuong1,individual,good_deeds,Lê Thị Mai,2024-05-02\n' \
	> "$T_DIR/one.csv"
loaded=$(LD_DEBUG=files dh import exemplars "$T_DIR/one.csv" --dry-run 2>&1)
t_contains "an import opens libcsv" "$loaded" "libcsv.so"
t_contains "and reads the file" "$loaded" "1 gương sẽ được thêm"
out=$("$bin/dienhinh" --config "$DIENHINH_ROOT/conf/dienhinh.ini" --db "$T_DIR/db" units \
	--format tsv 2>&1); st=$?
t_eq "the commands work without the screens" "$st" 0
t_contains "and answer as usual" "$out" "phuong1"

