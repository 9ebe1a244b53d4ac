#!/usr/bin/env bash
# Moving through a list writes little to the terminal: within a page only
# the mark moves, and past the last row (or the first) the terminal scrolls
# the rows up (down) and one new row is written, where a repaint would send
# every row again.  Counted in a pseudo-terminal (xterm-256color, 80x24) as
# the bytes the program writes for a run of keys, waiting each time until
# it has read the key and sleeps again (no time is measured).
. "$(dirname "$0")/tui_lib.sh"

awk '{ print } /^\[roles\]/ { print "tester = office" }' "$DIENHINH_ROOT/conf/dienhinh.ini" \
	> "$T_CONFIG"
DIENHINH_TODAY=2025-12-31 dh init --demo >/dev/null
t_report $? "a demo database, a list of several pages"

# The driver prints one line per run of keys: its name and the most bytes a
# key of it wrote.
out=$(/usr/bin/python3 - "$DIENHINH_BIN" "$T_CONFIG" "$T_DB" <<'EOF' 2>&1
import os, pty, select, struct, sys, fcntl, termios, time

prog, config, db = sys.argv[1:4]
pid, fd = pty.fork()
if pid == 0:
    os.environ.update(TERM="xterm-256color", LC_ALL="C.UTF-8", DIENHINH_USER="tester",
                      DIENHINH_TODAY="2025-11-14")
    os.execv(prog, [prog, "--config", config, "--db", db])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
sent = 0

def rchar():
    with open("/proc/%d/io" % pid) as f:
        return int(next(l for l in f if l.startswith("rchar:")).split()[1])

def sleeping():
    with open("/proc/%d/stat" % pid) as f:
        return f.read().rsplit(")", 1)[1].split()[0] == "S"

def settle(text=None, read_before=0):
    """Read what the program writes until it has read every key sent, shows
    `text` if given, and waits for the next key; give up after a minute."""
    out, end, quiet = b"", time.time() + 60, 0
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            out += os.read(fd, 65536)
            quiet = 0
            continue
        quiet += 1
        done = rchar() - read_before >= sent and sleeping()
        if done and quiet >= 2 and (text is None or text.encode() in out):
            return out
    sys.exit("the program did not settle")

def keys(seq, n):
    """The most bytes written for one of n presses of a key, each sent alone."""
    global sent
    most = 0
    for _ in range(n):
        before, sent = rchar(), len(seq)
        os.write(fd, seq)
        most = max(most, len(settle(read_before=before)))
    return most

first = settle("Hồ sơ điển hình")
sent = 1
before = rchar()
os.write(fd, b"2")
settle("Nhấn / để tìm theo tên.", before)
# The arrows a terminal sends in the cursor-key mode the program asked for.
o = b"O" if b"\x1b[?1h" in first else b"["
down, up = b"\x1b" + o + b"B", b"\x1b" + o + b"A"
print("within-page-down", keys(down, 17))
print("scrolling-down", keys(down, 13))
print("within-page-up", keys(up, 17))
print("scrolling-up", keys(up, 13))
os.write(fd, b"qq")
os.waitpid(pid, 0)
EOF
)
echo "$out" | sed 's/^/# /'
bytes() { awk -v k="$1" '$1 == k { print $2 }' <<<"$out"; }

# A repaint of the list's 18 rows is over a thousand bytes a key, and a bar
# in reverse video over the selected row over a hundred within a page.  Moving
# the mark is a few dozen; a scroll is the terminal's scroll, the mark and one
# new row of text.
for run in within-page-down within-page-up; do
	b=$(bytes $run)
	[ -n "$b" ] && [ "$b" -gt 0 ] && [ "$b" -le 40 ]
	t_report $? "$run: at most 40 bytes a key (at most ${b:-nothing})"
done
for run in scrolling-down scrolling-up; do
	b=$(bytes $run)
	[ -n "$b" ] && [ "$b" -gt 0 ] && [ "$b" -le 160 ]
	t_report $? "$run: at most 160 bytes a key (at most ${b:-nothing})"
done
