#!/usr/bin/env bash
# One term per idea: docs/glossary.md names the words no longer used, and
# the Vietnamese catalogue, the shipped config and the user guides use none
# of them.
source "$(dirname "$0")/lib.sh"
cd "$DIENHINH_ROOT" || exit 1

t_ok "docs/glossary.md is there" test -s docs/glossary.md
# The translations alone (msgstr and its continuation lines), one a line.
awk '/^msgstr/ { on = 1 } /^msgid/ || /^$/ { on = 0 } on' src/po/vi.po |
	sed 's/^msgstr //' > "$T_DIR/msgstr"
t_ok "the translations were read" test -s "$T_DIR/msgstr"
# "sổ" alone is the database's retired name; a workbook (sổ tính), a
# window (cửa sổ) and a quarter's closing (khóa sổ) are other ideas.
sed 's/[Cc]ửa sổ//g; s/[Ss]ổ tính//g; s/[Kk]hóa sổ//g' "$T_DIR/msgstr" > "$T_DIR/msgstr.so"
retired=("khôi phục" "thư mục riêng" "thư mục nhà" "phát thanh" "thi đua của UBND"
	"bản ghi" "kho dữ liệu" "(mới)")
for w in "${retired[@]}"; do
	t_eq "the catalogue does not say \"$w\"" "$(grep -ci -F -- "$w" "$T_DIR/msgstr")" 0
	t_contains "the glossary names \"$w\" as retired" "$(cat docs/glossary.md)" "$w"
done
t_eq "the catalogue does not call the database \"sổ\"" \
	"$(grep -ciw -- "sổ" "$T_DIR/msgstr.so")" 0
t_contains "the glossary names \"sổ\" as retired" "$(cat docs/glossary.md)" "| sổ,"
# The terms themselves are there.
for w in "cơ sở dữ liệu" "phục hồi" "thư mục cá nhân" "Đài Truyền thanh" \
	"Cổng thông tin điện tử" "do UBND thị xã phát động"; do
	t_contains "the catalogue says \"$w\"" "$(cat "$T_DIR/msgstr")" "$w"
done
# Units as officially written, in the config and the guides.
t_eq "no unit name in the shipped config invents \"(mới)\"" \
	"$(grep -c '^name = .*(mới)' conf/dienhinh.ini)" 0
for doc in docs/huong-dan-su-dung.md docs/quan-tri.md README.md; do
	for w in "khôi phục" "thư mục riêng" "Tân Long (mới)" "phát thanh"; do
		t_eq "$doc does not say \"$w\"" "$(grep -ci -F -- "$w" "$doc")" 0
	done
done
