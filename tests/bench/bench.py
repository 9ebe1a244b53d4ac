#!/usr/bin/env python3
"""dienhinh beside sqlite3 and beside other terminal programs (run by tests/bench/run).

    bench.py WORKDIR

WORKDIR holds dienhinh.ini (the shipped config with the account "bench" as
office) and receives the generated files and both databases.  Prints one
table: each figure, the same figure for sqlite3 or for htop, mc and dialog,
the ratio (above 1: dienhinh does better) and whether its target is met.

Times are medians.  A command's time is the wall time of the whole process
(posix_spawn to wait4), after one unmeasured warm-up run, the engines taking
turns; "inside the process" is helper_bench calling the query functions
against sqlite3's own .timer (user + system: its wall time has 1 ms steps).
The screens are measured in a pseudo-terminal at 80x24 by tuibench.py.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIENHINH = os.path.join(ROOT, 'build', 'dienhinh')
HELPER = os.path.join(ROOT, 'build', 'tests', 'helper_bench')
N = int(os.environ.get('BENCH_N', '100000'))
RUNS = int(os.environ.get('BENCH_RUNS', '11'))
IMPORTS = int(os.environ.get('BENCH_IMPORTS', '3'))
TUI_RUNS = int(os.environ.get('BENCH_TUI_RUNS', '3'))
TUIBENCH = os.environ.get('TUIBENCH', '/work/shared/tools/tuibench.py')
YEAR = os.environ.get('BENCH_YEAR', '2024')
SEARCH = os.environ.get('BENCH_SEARCH', 'Thị Tuyết')
# The import reads at most 64 MiB a file: a million records come as ten files.
CHUNK = 100000

# The import file's columns (sheet.h order), then what the generator adds for sqlite.
COLUMNS = ('id version unit unit_name type category name gender birth_year position '
           'workplace movement achievements date status reason form decision '
           'decision_date signer propagations created_by created_at updated_by updated_at '
           'year quarter name_fold').split()
# A covering index for the quota's GROUP BY and one for the list order.
INDEXES = ('CREATE INDEX ex_period ON exemplars(year, quarter, unit, status);\n'
           'CREATE INDEX ex_list ON exemplars(unit, type, name_fold);\nANALYZE;\n')


def run(argv, stdin=None, stdout=None):
    """(seconds, peak KiB, cpu seconds) of one process; stdin and stdout are
    file names (default /dev/null).  Exits the bench if the process fails."""
    actions = [(os.POSIX_SPAWN_OPEN, 0, stdin or os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, stdout or os.devnull,
                os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    secs = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status):
        sys.exit('bench: %s failed (exit %d)' % (' '.join(argv[:4]),
                                                 os.waitstatus_to_exitcode(status)))
    return secs, ru.ru_maxrss, ru.ru_utime + ru.ru_stime


def output(argv):
    return subprocess.run(argv, check=True, stdout=subprocess.PIPE, text=True).stdout


def counted(path, quota):
    """Rows of an answer, or for the quota the records it counts (dienhinh:
    a header, then column "introduced"; sqlite3: the last column)."""
    with open(path, encoding='utf-8') as f:
        rows = [r for r in f.read().split('\n') if r]
    if not quota:
        return len(rows) - (1 if '\t' in rows[0] else 0) if rows else 0
    if '\t' in rows[0]:
        return sum(int(r.split('\t')[4]) for r in rows[1:])
    return sum(int(r.split('|')[-1]) for r in rows)


def import_both(work, dh, files, sdb):
    """Each engine imports everything into a new database IMPORTS times,
    taking turns; (dienhinh's times, sqlite3's times, dienhinh's peak KiB)."""
    cols = ', '.join(c + (' INTEGER' if c in ('birth_year', 'year', 'quarter') else ' TEXT')
                     for c in COLUMNS)
    load = os.path.join(work, 'load.sql')
    with open(load, 'w') as f:
        f.write('CREATE TABLE exemplars (%s);\n.import --csv %s exemplars\n%s'
                % (cols, os.path.join(work, 'x-sqlite.csv'), INDEXES))
    d, s, rss = [], [], 0
    for _ in range(IMPORTS):
        shutil.rmtree(dh[-1], ignore_errors=True)
        os.sync()
        run(dh + ['init'])
        t, k, _ = run(dh + ['import', 'exemplars'] + files)
        d.append(t)
        rss = max(rss, k)
        if os.path.exists(sdb):
            os.unlink(sdb)
        os.sync()
        s.append(run(['sqlite3', sdb], stdin=load)[0])
    os.sync()
    return d, s, rss


def commands(work, dh, sdb, fold):
    """The quota and the substring search as whole commands: [(dienhinh ms,
    sqlite3 ms, dienhinh's answer, sqlite3's answer)]."""
    questions = [
        (dh + ['quota', '--year', YEAR, '--format', 'tsv'],
         "SELECT quarter, unit, count(*) - sum(status = 'Bị trả lại') FROM exemplars "
         "WHERE year = %s GROUP BY quarter, unit;" % YEAR),
        (dh + ['list', '--search', SEARCH, '--format', 'tsv'],
         "SELECT rowid, date, unit, type, category, status, name FROM exemplars "
         "WHERE name_fold LIKE '%%%s%%' ORDER BY unit, type, name_fold;" % fold),
    ]
    res = []
    for i, (d_argv, sql) in enumerate(questions):
        s_argv = ['sqlite3', '-batch', sdb, sql]
        d_out, s_out = os.path.join(work, 'd.out'), os.path.join(work, 's.out')
        run(d_argv, stdout=d_out)
        run(s_argv, stdout=s_out)
        dt, st = [], []
        for _ in range(RUNS):
            dt.append(run(d_argv)[0])
            st.append(run(s_argv)[0])
        res.append((statistics.median(dt) * 1e3, statistics.median(st) * 1e3,
                    counted(d_out, i == 0), counted(s_out, i == 0)))
    return res, [q[1] for q in questions]


def inside(conf, db, sdb, sqls):
    """The same questions inside one process: [(dienhinh ms, sqlite3 ms)]."""
    d = [float(x) for x in output([HELPER, 'time', conf, db, str(RUNS), YEAR,
                                   SEARCH]).split()[0::2]]
    s = []
    for sql in sqls:
        script = '.output /dev/null\n.timer on\n%s' % ((sql + '\n') * (RUNS + 1))
        out = subprocess.run(['sqlite3', '-batch', sdb], input=script, check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        # "Run Time: real R user U sys S"
        t = [(float(x.split()[5]) + float(x.split()[7])) * 1e3
             for x in out.split('\n') if x.startswith('Run Time')]
        s.append(statistics.median(t[1:]))
    return list(zip(d, s))


# ---- screens ------------------------------------------------------------------------------

# Each program: its command, the keys that open a long list, the keys that end it.
# The list is opened, then Down is pressed 8 times (within the first page for
# all four) and, in another session, 25 times unmeasured and 15 times measured
# (each of those moves the list by a line).
def programs(work, conf, db):
    items = []
    for i in range(1, 301):
        items += [str(i), 'Mục số %d' % i]
    return [
        ('dienhinh', [DIENHINH, '--config', conf, '--db', db], '2,wait:300', 'q,q,q'),
        ('htop', ['htop', '-d', '100'], '', 'q'),
        ('mc', ['mc', '-u', '-X', '-d', '/usr/bin', '/usr/bin'], '', 'f10,enter'),
        ('dialog', ['dialog', '--menu', 'Chọn một mục', '22', '76', '16'] + items, '',
         'enter'),
    ]


def tuibench(work, label, argv, setup, keys, quit_keys):
    out = os.path.join(work, label + '.json')
    with open(out, 'w') as f:
        subprocess.run(['python3', TUIBENCH, '--runs', str(TUI_RUNS), '--json', '--label',
                        label, '--env', 'HOME=' + work, '--env',
                        'XDG_CONFIG_HOME=' + work, '--setup', setup, '--keys', keys,
                        '--quit', quit_keys, '--'] + argv, check=True, stdout=f)
    with open(out) as f:
        return json.load(f)['summary']


def screens(work, conf, db):
    """{program: (first screen ms, bytes per Down in a page, scrolling, peak KiB)}."""
    res = {}
    for name, argv, opening, quit_keys in programs(work, conf, db):
        if not shutil.which(argv[0]):
            continue
        # htop lists processes: give it more than two screens of them.
        sleepers = [subprocess.Popen(['sleep', '600']) for _ in range(60 if name == 'htop'
                                                                      else 0)]
        try:
            page = tuibench(work, name + '-page', argv, opening, 'down*8', quit_keys)
            scroll = tuibench(work, name + '-scroll', argv,
                              ','.join(k for k in (opening, 'down*25') if k), 'down*15',
                              quit_keys)
        finally:
            for p in sleepers:
                p.kill()
                p.wait()
        peak = max(x['vmhwm_kib'] or 0 for x in (page, scroll))
        res[name] = (page['first_screen_ms'], page['key_bytes'], scroll['key_bytes'],
                     peak / 1024.0)
    return res


# ---- the table ----------------------------------------------------------------------------

def fmt(v, f):
    return '-' if v is None else f % v


def main():
    work = sys.argv[1]
    conf = os.path.join(work, 'dienhinh.ini')
    db, sdb = os.path.join(work, 'db'), os.path.join(work, 'sqlite.db')
    dh = [DIENHINH, '--config', conf, '--db', db]

    t0 = time.perf_counter()
    nfiles = int(output([HELPER, 'csv', conf, str(N), str(CHUNK), os.path.join(work, 'x')]))
    files = [os.path.join(work, 'x-%03d.csv' % k) for k in range(1, nfiles + 1)]
    print('data: %d exemplars, %d import file(s), %.0f MiB of CSV, generated in %.1f s'
          % (N, nfiles, sum(os.path.getsize(f) for f in files) / 2**20,
             time.perf_counter() - t0))
    fold = output([HELPER, 'fold', SEARCH]).strip()
    d_imp, s_imp, imp_rss = import_both(work, dh, files, sdb)
    print('import: %s s (dienhinh), %s s (sqlite3 .import, 2 indexes, ANALYZE)'
          % (', '.join('%.2f' % t for t in d_imp), ', '.join('%.2f' % t for t in s_imp)))
    (quota, search), sqls = commands(work, dh, sdb, fold)
    true_ms = statistics.median(run(['true'])[0] for _ in range(RUNS)) * 1e3
    for what, q in (('quota %s: records counted' % YEAR, quota),
                    ('search "%s": rows' % SEARCH, search)):
        print('%s: %d (dienhinh), %d (sqlite3)%s'
              % (what, q[2], q[3], '' if q[2] == q[3] else '  <-- THEY DIFFER'))
    q_in, s_in = inside(conf, db, sdb, sqls)
    tui = screens(work, conf, db) if os.path.isfile(TUIBENCH) else {}
    d_imp, s_imp = statistics.median(d_imp), statistics.median(s_imp)

    # (figure, dienhinh, other, ratio, format, target, met)
    rows = [
        ('import, records/s', N / d_imp, N / s_imp, s_imp / d_imp, '%.0f',
         '>= 0.5x', s_imp / d_imp >= 0.5),
        ('quota for a year, command (ms)', quota[0], quota[1], quota[1] / quota[0], '%.1f',
         '< 10 ms', quota[0] < 10),
        ('  inside the process (ms)', q_in[0], q_in[1], q_in[1] / q_in[0], '%.3f',
         '>= 50x', q_in[1] / q_in[0] >= 50),
        ('substring search, command (ms)', search[0], search[1], search[1] / search[0],
         '%.1f', '>= 1x', search[1] / search[0] >= 1),
        ('  inside the process (ms)', s_in[0], s_in[1], s_in[1] / s_in[0], '%.3f', '', None),
        ('peak memory of the import (MiB)', imp_rss / 1024, None, None, '%.1f', '', None),
        ('data file (MiB)', os.path.getsize(os.path.join(db, 'data.mdb')) / 2**20,
         os.path.getsize(sdb) / 2**20, None, '%.1f', '', None),
    ]
    print('\n%d exemplars; medians of %d runs (imports: %d); ratio above 1: dienhinh '
          'does better.\nA command\'s time includes starting a process: /bin/true takes '
          '%.1f ms here.' % (N, RUNS, IMPORTS, true_ms))
    print(('%-34s %10s %10s %7s  %s' % ('', 'dienhinh', 'sqlite3', 'ratio', 'target')).rstrip())
    met = []
    for label, d, s, ratio, f, target, ok in rows:
        print(('%-34s %10s %10s %7s  %-8s %s' % (label, fmt(d, f), fmt(s, f),
                                                  fmt(ratio, '%.2fx'), target,
                                                  '' if ok is None else
                                                  'met' if ok else 'MISSED')).rstrip())
        if ok is not None:
            met.append(ok)

    if not tui:
        print('\ntuibench.py not found at %s (set TUIBENCH): no screen figures.' % TUIBENCH)
    else:
        peers = [p for p in ('htop', 'mc', 'dialog') if p in tui]
        absent = [p for p in ('htop', 'mc', 'dialog') if p not in tui]
        print('\nscreens at 80x24, medians of %d runs; ratio: the best of %s divided by '
              'dienhinh%s' % (TUI_RUNS, ', '.join(peers) or 'no peer',
                              ' (not installed: %s)' % ', '.join(absent) if absent else ''))
        print('%-34s %9s %7s %7s %7s %7s  %s'
              % ('', 'dienhinh', 'htop', 'mc', 'dialog', 'ratio', 'target'))
        limits = [('first screen (ms)', '%.1f', 20, '<= 20'),
                  ('bytes per Down, within a page', '%.0f', 120, '<= 120'),
                  ('bytes per Down, scrolling', '%.0f', 120, '<= 120'),
                  ('peak memory, VmHWM (MiB)', '%.1f', 5, '<= 5')]
        for i, (label, f, limit, target) in enumerate(limits):
            d = tui['dienhinh'][i]
            best = min((tui[p][i] for p in peers if tui[p][i] is not None), default=None)
            ok = d is not None and d <= limit
            met.append(ok)
            print('%-34s %9s %7s %7s %7s %7s  %-7s %s'
                  % (label, fmt(d, f), *(fmt(tui[p][i], f) if p in tui else '-'
                                         for p in ('htop', 'mc', 'dialog')),
                     fmt(best / d if best is not None and d else None, '%.2fx'), target,
                     'met' if ok else 'MISSED'))
    print('\ntargets: %d of %d met' % (sum(met), len(met)))


if __name__ == '__main__':
    main()
