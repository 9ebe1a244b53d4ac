# Shared by the data_*.sh scripts; sourced after lib.sh.
#
# data_bin: the program is run from a copy placed beside a Vietnamese
# catalogue built from src/po/vi.po, so that the checks read the Vietnamese
# a person reads.
# The date is fixed, so that quarter states do not depend on the clock.

export DIENHINH_TODAY=2025-11-20

data_bin() {
	local dir=$T_DIR/bin
	mkdir -p "$dir/locale/vi/LC_MESSAGES"
	cp "$DIENHINH_BIN" "$dir/dienhinh"
	msgfmt -o "$dir/locale/vi/LC_MESSAGES/dienhinh.mo" "$DIENHINH_ROOT/src/po/vi.po" ||
		{ echo "# cannot build the Vietnamese catalogue" >&2; return 1; }
	DIENHINH_BIN=$dir/dienhinh
}

# data_widest FILE: the widest line of FILE in terminal columns.
data_widest() {
	python3 - "$1" <<'PY'
import sys, unicodedata
def width(line):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF'
               else 1 for c in line)
print(max((width(l.rstrip('\n')) for l in open(sys.argv[1], encoding='utf-8')), default=0))
PY
}
