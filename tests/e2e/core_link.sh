#!/usr/bin/env bash
# One program, linked the ordinary way: the screens are inside it and its
# libraries are the loader's to find, so a setgid program loads no code
# chosen at run time.
. "$(dirname "$0")/lib.sh"
export DIENHINH_USER=root

needed=$(objdump -p "$DIENHINH_BIN" | awk '$1 == "NEEDED" { print $2 }')
for lib in libncursesw libcsv libxlsxwriter liblmdb libiniparser libunistring; do
	t_contains "the program needs $lib" "$needed" "$lib.so"
done
t_lacks "the program loads nothing itself (no dlopen)" \
	"$(nm -D --undefined-only "$DIENHINH_BIN")" "dlopen"
t_lacks "nor does the sanitizer build" \
	"$(nm --undefined-only "$DIENHINH_ASAN_BIN" 2>/dev/null | grep -v __interceptor)" " dlopen"
t_eq "make builds no shared object" \
	"$(make -s -B -n -C "$DIENHINH_ROOT" all 2>/dev/null | grep -c -e '-shared')" 0

# A copy of the program alone, with nothing beside it, still answers.
bin=$T_DIR/bin
mkdir -p "$bin" && cp "$DIENHINH_BIN" "$bin/dienhinh"
t_init_db
out=$("$bin/dienhinh" --config "$DIENHINH_ROOT/conf/dienhinh.ini" --db "$T_DIR/db" units \
	--format tsv 2>&1); st=$?
t_eq "a copy of the program alone runs its commands" "$st" 0
t_contains "and answers as usual" "$out" "phuong1"
printf 'Mã đơn vị,Loại,Lĩnh vực,Tên,Ngày giới thiệu\nphuong1,individual,good_deeds,Lê Thị Mai,2024-05-02\n' \
	> "$T_DIR/one.csv"
t_contains "an import reads a CSV file" "$(dh import exemplars "$T_DIR/one.csv" --dry-run 2>&1)" \
	"1 gương sẽ được thêm"
