#!/usr/bin/env python3
"""The register against sqlite3 on the same generated data (run by bench_core.sh).

    bench_core.py WORKDIR N RUNS CHUNK TARGETS IMPORTS

WORKDIR holds dienhinh.ini (the shipped config with the account "bench" as
office) and receives the import files, the database (WORKDIR/db) and the
sqlite database; one line per target is added to the file TARGETS ("met" or
"missed", a tab, what).  Every figure is the wall time of a whole process,
as a person would run it (start, open, answer, exit), and its peak memory
from the kernel (ru_maxrss of that child, via os.wait4); for the import the
median of IMPORTS imports of every file in one command, each into a new
database (and once one command a file, printed apart), and for queries the
median of RUNS runs after one unmeasured warm-up run, the engines taking
turns.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIENHINH = os.path.join(ROOT, 'build', 'dienhinh')
HELPER = os.path.join(ROOT, 'build', 'tests', 'helper_bench')
YEAR = os.environ.get('BENCH_YEAR', '2024')
SEARCH = os.environ.get('BENCH_SEARCH', 'Thị Tuyết')
PREFIX = os.environ.get('BENCH_PREFIX', 'Nguyễn Văn H')

# The import file's columns (sheet.h order), then what the generator adds for sqlite.
COLUMNS = ('id version unit unit_name type category name gender birth_year position '
           'workplace movement achievements date late late_reason status reason '
           'proposal_date form decision decision_date signer propagations created_by '
           'created_at updated_by updated_at year quarter name_fold').split()
# The indexes a careful engineer gives this table: the quota's GROUP BY reads
# only the first (it covers the query), the prefix search walks the second
# (case_sensitive_like lets LIKE 'x%' use it), the list order the third.
INDEXES = ('CREATE INDEX ex_period ON exemplars(year, quarter, unit, status);\n'
           'CREATE INDEX ex_fold ON exemplars(name_fold);\n'
           'CREATE INDEX ex_list ON exemplars(unit, type, name_fold);\n'
           'ANALYZE;\n')


def run(argv, stdin=None, stdout=None):
    """Run argv; (seconds, peak KiB, exit status).  stdin and stdout are file
    names (default /dev/null).  posix_spawn (vfork underneath) keeps the
    launcher's own cost small and the same for both engines."""
    actions = [(os.POSIX_SPAWN_OPEN, 0, stdin or os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, stdout or os.devnull,
                os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    secs = time.perf_counter() - t0
    return secs, ru.ru_maxrss, os.waitstatus_to_exitcode(status)


def must(label, res):
    if res[2] != 0:
        sys.exit('bench_core: %s failed (exit %d)' % (label, res[2]))
    return res


def answers(path, header, quota):
    """Rows in an answer (after a header line if `header`); for the quota, the
    records it counts (dienhinh: column "introduced"; sqlite3: the last column)."""
    with open(path, 'rb') as f:
        rows = f.read().decode().split('\n')[1 if header else 0:]
    rows = [r for r in rows if r]
    if not quota:
        return len(rows)
    sep = '\t' if header else '|'
    return sum(int(r.split(sep)[4 if header else -1]) for r in rows)


def main():
    work, n, runs, chunk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    targets_file, imports = sys.argv[5], int(sys.argv[6])
    conf = os.path.join(work, 'dienhinh.ini')
    db = os.path.join(work, 'db')
    sdb = os.path.join(work, 'sqlite.db')
    dh = [DIENHINH, '--config', conf, '--db', db]
    env_ok = os.environ.get('DIENHINH_USER') == 'bench'
    if not env_ok:
        sys.exit('bench_core: run me through bench_core.sh')

    # ---- data --------------------------------------------------------------------------
    t0 = time.perf_counter()
    gen = subprocess.run([HELPER, 'csv', conf, str(n), str(chunk), os.path.join(work, 'x')],
                         check=True, stdout=subprocess.PIPE, text=True)
    files = [os.path.join(work, 'x-%03d.csv' % k) for k in range(1, int(gen.stdout) + 1)]
    size = sum(os.path.getsize(f) for f in files)
    print('data: %d exemplars in %d import file(s) of at most %d rows, %.0f MiB of CSV, '
          'generated in %.1f s' % (n, len(files), chunk, size / 2**20, time.perf_counter() - t0))
    fold = subprocess.run([HELPER, 'fold', SEARCH], check=True, stdout=subprocess.PIPE,
                          text=True).stdout.strip()
    pfold = subprocess.run([HELPER, 'fold', PREFIX], check=True, stdout=subprocess.PIPE,
                           text=True).stdout.strip()

    # ---- import ------------------------------------------------------------------------
    # The generated files (half a gigabyte at a million) are written back to
    # the disk first, and each engine's database after its import: neither
    # engine is timed while the kernel writes out what came before it.  Each
    # engine imports IMPORTS times into a new database, taking turns; the
    # figure is the median, and the queries run on the last databases.
    cols = ', '.join(c + (' INTEGER' if c in ('birth_year', 'year', 'quarter') else ' TEXT')
                     for c in COLUMNS)
    script = ('CREATE TABLE exemplars (%s);\n.import --csv %s exemplars\n%s' %
              (cols, os.path.join(work, 'x-sqlite.csv'), INDEXES))
    with open(os.path.join(work, 'load.sql'), 'w') as f:
        f.write(script)
    d_all, s_all, d_imp_rss, s_imp_rss = [], [], 0, 0
    for _ in range(imports):
        shutil.rmtree(db, ignore_errors=True)
        os.sync()
        must('dienhinh init', run(dh + ['init']))
        s, rss, _ = must('dienhinh import', run(dh + ['import', 'exemplars'] + files))
        d_all.append(s)
        d_imp_rss = max(d_imp_rss, rss)
        if os.path.exists(sdb):
            os.unlink(sdb)
        os.sync()
        s, rss, _ = must('sqlite3 .import',
                         run(['sqlite3', sdb], stdin=os.path.join(work, 'load.sql')))
        s_all.append(s)
        s_imp_rss = max(s_imp_rss, rss)
        os.sync()
    d_imp, s_imp = statistics.median(d_all), statistics.median(s_all)
    # Once more, one command a file, as a person importing the files on
    # different days would: not the figure, but what it comes to that way.
    each = [DIENHINH, '--config', conf, '--db', os.path.join(work, 'db-each')]
    must('dienhinh init', run(each + ['init']))
    d_each = 0.0
    for f in files:
        d_each += must('dienhinh import ' + f, run(each + ['import', 'exemplars', f]))[0]
    shutil.rmtree(each[-1])
    os.sync()

    # ---- queries -------------------------------------------------------------------------
    # (label, dienhinh's command, sqlite3's setup, sqlite3's statement)
    queries = [
        ('quota --year %s' % YEAR,
         dh + ['quota', '--year', YEAR, '--format', 'tsv'], '',
         "SELECT quarter, unit, count(*) - sum(status = 'Bị trả lại') FROM exemplars "
         "WHERE year = %s GROUP BY quarter, unit;" % YEAR),
        ('list --search "%s"' % SEARCH,
         dh + ['list', '--search', SEARCH, '--format', 'tsv'], '',
         "SELECT rowid, date, unit, type, category, status, name FROM exemplars "
         "WHERE name_fold LIKE '%%%s%%' ORDER BY unit, type, name_fold;" % fold),
        ('name prefix "%s"' % PREFIX,
         [HELPER, 'prefix', conf, db, PREFIX], 'PRAGMA case_sensitive_like = ON;',
         "SELECT rowid FROM exemplars WHERE name_fold LIKE '%s%%' ORDER BY name_fold;"
         % pfold),
    ]
    results = []
    for label, d_argv, setup, sql in queries:
        s_argv = ['sqlite3', '-batch', sdb, setup + ' ' + sql]
        # One warm-up run each, which also gives the answers to compare.
        must(label, run(d_argv, stdout=os.path.join(work, 'd.out')))
        must(label, run(s_argv, stdout=os.path.join(work, 's.out')))
        d_rows = answers(os.path.join(work, 'd.out'), d_argv[0] == DIENHINH, 'quota' in label)
        s_rows = answers(os.path.join(work, 's.out'), False, 'quota' in label)
        dt, st, drss, srss = [], [], 0, 0
        for _ in range(runs):
            s, rss, _ = must(label, run(d_argv))
            dt.append(s)
            drss = max(drss, rss)
            s, rss, _ = must(label, run(s_argv))
            st.append(s)
            srss = max(srss, rss)
        results.append((label, statistics.median(dt), statistics.median(st), drss, srss,
                        d_rows, s_rows))

    # ---- the same questions inside one process -------------------------------------------
    # dienhinh: query_quota, query_scan, query_name_prefix called by helper_bench, the
    # answers counted, wall time; sqlite3: the statement under .timer, output thrown
    # away, its CPU time (user + system: .timer gives wall time in 1 ms steps only,
    # and with a warm cache the two agree).  Median of RUNS after a warm-up.
    inner = subprocess.run([HELPER, 'time', conf, db, str(runs), YEAR, SEARCH, PREFIX],
                           check=True, stdout=subprocess.PIPE, text=True).stdout.split()
    d_in = [float(x) for x in inner[0::2]]
    s_in = []
    for _, _, setup, sql in queries:
        script = '.output /dev/null\n%s\n.timer on\n%s' % (setup, (sql + '\n') * (runs + 1))
        out = subprocess.run(['sqlite3', '-batch', sdb], input=script, check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        # "Run Time: real R user U sys S": real has 1 ms steps, U + S microseconds.
        t = [(float(x.split()[5]) + float(x.split()[7])) * 1000
             for x in out.split('\n') if x.startswith('Run Time')]
        s_in.append(statistics.median(t[1:]))

    # ---- table ---------------------------------------------------------------------------
    mdb = os.stat(os.path.join(db, 'data.mdb'))
    print('import: dienhinh %d file(s) in one `dienhinh import exemplars` (each file its '
          'own transaction; the shipped config: the map starts at 64 MiB and grows); sqlite3 '
          'one .import of the same rows into a table without indexes, then CREATE INDEX x3 '
          'and ANALYZE, all counted; each into a new database, median of %d, the engines '
          'taking turns.' % (len(files), imports))
    print('sqlite3 gets three more columns from the generator: year, quarter and the name '
          'folded by dienhinh\'s own collate_fold (sqlite has no Vietnamese folding), so its '
          'substring and prefix searches are LIKE on a pre-folded column.')
    print('queries: wall time of the whole process, median of %d runs after a warm-up '
          '(warm page cache); ratio: above 1 means dienhinh does better.  The command line '
          'has no name-prefix search: helper_bench runs query_name_prefix.' % runs)
    rows = [('import rate (records/s)', n / d_imp, n / s_imp, (n / d_imp) / (n / s_imp), '%.0f')]
    for label, d, s, _, _, _, _ in results:
        rows.append(('%s (ms)' % label, d * 1000, s * 1000, s / d, '%.1f'))
    for short, d, s in zip(('quota', 'search', 'prefix'), d_in, s_in):
        rows.append(('  %s, inside the process (ms)' % short, d, s,
                     s / d if d else float('inf'), '%.3f'))
    q_d = max(r[3] for r in results)
    q_s = max(r[4] for r in results)
    rows.append(('peak memory, import (MiB)', d_imp_rss / 1024, s_imp_rss / 1024,
                 s_imp_rss / d_imp_rss, '%.1f'))
    rows.append(('peak memory, queries (MiB)', q_d / 1024, q_s / 1024, q_s / q_d, '%.1f'))
    rows.append(('data file (MiB)', mdb.st_size / 2**20, os.path.getsize(sdb) / 2**20,
                 os.path.getsize(sdb) / mdb.st_size, '%.1f'))
    print()
    print('%-44s %12s %12s %8s' % ('figure', 'dienhinh', 'sqlite3', 'ratio'))
    for label, d, s, ratio, fmt in rows:
        print('%-44s %12s %12s %7.2fx' % (label, fmt % d, fmt % s, ratio))
    print()
    for label, _, _, _, _, d_rows, s_rows in results:
        what = 'records counted' if 'quota' in label else 'rows'
        print('%s: %d %s from dienhinh, %d from sqlite3%s' % (
            label, d_rows, what, s_rows, '' if d_rows == s_rows else '  <-- THEY DIFFER'))
    print('import took %.1f s (dienhinh) and %.1f s (sqlite3), the median of %s and of %s; '
          'data.mdb %.0f MiB on disk'
          % (d_imp, s_imp, ', '.join('%.1f' % t for t in d_all),
             ', '.join('%.1f' % t for t in s_all), mdb.st_blocks * 512 / 2**20))
    print('the same files, one `dienhinh import exemplars` a file (once, not a figure): '
          '%.1f s (%.2fx sqlite3\'s median)' % (d_each, s_imp / d_each))

    # ---- targets ---------------------------------------------------------------------------
    quota, search = results[0], results[1]
    targets = [
        (quota[2] / quota[1] >= 10,
         'quota for a year at least 10x faster than sqlite3 (%.1fx)' % (quota[2] / quota[1])),
        (search[2] / search[1] >= 1,
         'substring search no slower than sqlite3 (%.2fx)' % (search[2] / search[1])),
        (s_imp / d_imp >= 1,
         'import at least as fast as sqlite3 .import (%.2fx)' % (s_imp / d_imp)),
    ]
    with open(targets_file, 'a') as f:
        for ok, what in targets:
            f.write('%s\t%s\n' % ('met' if ok else 'missed', what))
    print('targets (set for 1,000,000 exemplars; this run has %d): met: %s; missed: %s' % (
        n, '; '.join(w for ok, w in targets if ok) or 'none',
        '; '.join(w for ok, w in targets if not ok) or 'none'))


if __name__ == '__main__':
    main()
