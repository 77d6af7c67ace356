#!/usr/bin/env python3
"""Mutation testing of annuaire: how much behaviour do the tests guard?

    make mutate [MUTANTS=tests/mutants/x.mut] [ONLY=id,id] [STAGE2=0]
    python3 tools/mutate.py [--check] [--mutants FILE...] [--only ID,...]
                            [--no-stage2] [--timeout SECONDS]

A mutant is one small change a real bug would make (a flipped comparison,
an off-by-one, a dropped condition), written in tests/mutants/*.mut as
blocks of "key: value" lines separated by blank lines; a line starting
with "#" is a comment:

    id: validate-phone-len      unique across all the files
    file: src/validate.c
    from: if (n < 10)           literal text, found once in the file...
                                (the lines after from: or to: that are
                                not "key: value" continue the text, a
                                newline between: several lines of code,
                                no blank one)
    nth: 2                      ...or the Kth of several occurrences
    to: if (n <= 10)            literal text; empty: the text is deleted
    suites: cli validate        tests/run filters most likely to kill it
    kind: boundary              boundary|condition|escaping|error-path|
                                option|ordering|limit|arith|other
    equivalent: why             optional: an equivalent mutant (no
                                behaviour can tell it), counted apart

Mutants are matched by text, not line numbers, so that they follow the
code as it moves; a "from" that is missing or found several times (and no
nth) makes the mutant "stale": an error its author must fix.

The run: the tree is copied once into build/mutate/tree (later runs copy
only what changed, the objects of the last run kept); for each mutant the
copy's file is changed, the copy rebuilt incrementally (nice), and
tests/run runs its suites against it.  A mutant is killed when a test
fails, when it does not compile (-Werror: "compile-killed", a weak
mutant) or when the tests time out ("timed-out").  The survivors then run
against stage 2: every suite except the slow, browser and sanitizer ones
(STAGE2_SKIP below).  The file is restored after each mutant.

Report: build/mutate-report.txt, one line per mutant (id, result,
seconds, killing test), the survivors with their from/to, and the score
line, printed at the end.  Exit status 1 when a mutant is stale, 2 on a
usage error or when the tree does not build unchanged.

--check (the "mutate" suite of make check) only parses the files, checks
the ids are unique and that every "from" still matches: fast, no build.
"""

import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"boundary", "condition", "escaping", "error-path", "option",
         "ordering", "limit", "arith", "other"}
KEYS = {"id", "file", "from", "to", "nth", "suites", "kind", "equivalent"}
REQUIRED = ("id", "file", "from", "to", "suites", "kind")

# Stage 2 runs every suite but these (measured on 2 shared cores,
# December 2026): browser, overflow and search (headless Chromium; the
# browser parts of the other suites skip without npm's packages), serve
# and parallel (servers, concurrent builds), stress, diskfull (a fault at
# every write), fuzz-replay (the whole kept corpus), install, deps (apt),
# mutate itself, and the four over 40 s: tagged (85 s), pdf (68 s),
# campaign (66 s), regress (43 s).  No sanitizer run (build-san is not
# built).  A mutant names those suites in "suites:" when they are the
# ones to kill it.  STAGE2_SKIP="a b" in the environment leaves out more.
STAGE2_SKIP = {"browser", "overflow", "search", "serve", "parallel",
               "stress", "diskfull", "fuzz-replay", "install", "deps",
               "mutate", "tagged", "pdf", "campaign", "regress"}
STAGE2_SKIP |= set(os.environ.get("STAGE2_SKIP", "").split())
# The slowest of stage 2 (over 15 s), run last: a mutant a quick suite
# kills is known sooner.
STAGE2_LAST = ["geometry", "test_pages", "cli"]

# The copy: what the build and the tests read.  build/ is not copied but
# kept between runs inside the copy (incremental rebuilds).
COPY_SKIP = {".git", "build", "build-san", "build-fuzz", "out",
             "node_modules", "annuaire"}


class Mutant:
    def __init__(self, path, line):
        self.path, self.line = path, line
        self.f = {}

    def where(self):
        return "%s:%d" % (os.path.relpath(self.path, TOP), self.line)

    def __getattr__(self, k):
        f = self.__dict__.get("f", {})
        if k in f:
            return f[k]
        if k in KEYS:
            return None
        raise AttributeError(k)


def parse(path):
    """The mutants of one file and the syntax errors found."""
    out, errs, cur, last = [], [], None, None
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                cur = last = None
                continue
            m = re.match(r"([a-z]+):(?: (.*))?$", line)
            if m and m.group(1) not in KEYS and last in ("from", "to"):
                m = None
            if not m and cur is not None and last in ("from", "to"):
                cur.f[last] += "\n" + line   # a continuation line
                continue
            if not m:
                errs.append("%s:%d: not a \"key: value\" line" % (
                    os.path.relpath(path, TOP), n))
                continue
            k, v = m.group(1), (m.group(2) or "")
            if k not in ("from", "to"):
                v = v.strip()
            last = k
            if cur is None:
                cur = Mutant(path, n)
                out.append(cur)
            if k not in KEYS:
                errs.append("%s:%d: unknown key %s" % (
                    os.path.relpath(path, TOP), n, k))
            elif k in cur.f:
                errs.append("%s:%d: %s given twice" % (
                    os.path.relpath(path, TOP), n, k))
            else:
                cur.f[k] = v
    for m in out:
        for k in REQUIRED:
            if k not in m.f:
                errs.append("%s: mutant %s has no %s" % (
                    m.where(), m.id or "?", k))
        if m.kind and m.kind not in KINDS:
            errs.append("%s: %s: kind %s is not one of %s" % (
                m.where(), m.id, m.kind, "|".join(sorted(KINDS))))
        if m.nth is not None and not re.fullmatch(r"[1-9][0-9]*", m.nth):
            errs.append("%s: %s: nth must be a number from 1" % (
                m.where(), m.id))
        if m.f.get("from") == "":
            errs.append("%s: %s: empty from" % (m.where(), m.id))
        if m.f.get("from") is not None and m.f.get("from") == m.f.get("to"):
            errs.append("%s: %s: from and to are the same" % (
                m.where(), m.id))
    return out, errs


def locate(m, root):
    """(offset, None) of the text to replace in root/m.file, or
    (None, why) when the mutant is stale."""
    p = os.path.join(root, m.file)
    try:
        with open(p, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as e:
        return None, "cannot read %s: %s" % (m.file, e.strerror)
    hits, i = [], text.find(m.f["from"])
    while i >= 0:
        hits.append(i)
        i = text.find(m.f["from"], i + 1)
    if not hits:
        return None, "from not found in %s" % m.file
    if m.nth is None:
        if len(hits) > 1:
            return None, "from found %d times in %s (add nth: K)" % (
                len(hits), m.file)
        return hits[0], None
    k = int(m.nth)
    if k > len(hits):
        return None, "nth: %d but from found %d times in %s" % (
            k, len(hits), m.file)
    return hits[k - 1], None


def load(files):
    """All the mutants, the syntax errors, the stale ones (id -> why)."""
    mutants, errs = [], []
    for f in files:
        ms, es = parse(f)
        mutants += ms
        errs += es
    seen = {}
    for m in mutants:
        if m.id is None:
            continue
        if m.id in seen:
            errs.append("%s: id %s already used at %s" % (
                m.where(), m.id, seen[m.id].where()))
        else:
            seen[m.id] = m
    stale = {}
    for m in mutants:
        if m.id and m.file and m.f.get("from"):
            _, why = locate(m, TOP)
            if why:
                stale[m.id] = why
    return mutants, errs, stale


# ---- the copy ---------------------------------------------------------

def sync(src, dst):
    """Make dst a copy of src (files compared by size and mtime; mtimes
    kept so that make rebuilds only what changed)."""
    os.makedirs(dst, exist_ok=True)
    names = set(os.listdir(src))
    for n in os.listdir(dst):
        if n in COPY_SKIP or n in names:
            continue
        p = os.path.join(dst, n)
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p)
        else:
            os.unlink(p)
    for n in sorted(names):
        if n in COPY_SKIP:
            continue
        s, d = os.path.join(src, n), os.path.join(dst, n)
        if os.path.islink(s):
            if os.path.lexists(d):
                if os.path.isdir(d) and not os.path.islink(d):
                    shutil.rmtree(d)
                else:
                    os.unlink(d)
            os.symlink(os.readlink(s), d)
        elif os.path.isdir(s):
            if os.path.lexists(d) and not os.path.isdir(d):
                os.unlink(d)
            sync(s, d)
        else:
            try:
                a, b = os.stat(s), os.stat(d)
                if a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns:
                    continue
            except OSError:
                pass
            if os.path.isdir(d) and not os.path.islink(d):
                shutil.rmtree(d)
            existed = os.path.lexists(d)
            shutil.copy2(s, d)
            if existed:
                # A file replaced: dated now, so that make rebuilds what
                # depends on it (its older date could be older than an
                # object built from a mutant of it).
                os.utime(d)


def run(cmd, cwd, timeout, env=None):
    """(status, output, timed_out) of cmd run under nice in its own
    process group (killed whole on time-out)."""
    p = subprocess.Popen(["nice", "-n", "10"] + cmd, cwd=cwd, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out.decode("utf-8", "replace"), False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        return -1, out.decode("utf-8", "replace"), True
    except BaseException:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        raise


def labels(tree):
    """Every suite label tests/run knows in the copy."""
    out = [os.path.basename(t) for t in
           sorted(glob.glob(os.path.join(TOP, "tests/unit/test_*.c")))]
    out = [t[:-2] for t in out]
    out += [os.path.basename(s)[:-3] for s in
            sorted(glob.glob(os.path.join(tree, "tests/suites/*.sh")))]
    return out


def targets(suites, all_labels):
    """The make targets the suites need: the binary, the unit binaries
    they name, the test tools; everything (test-bins) for the shell
    suites that run the fuzz replays."""
    t = ["build/annuaire"]
    for lab in all_labels:
        if lab.startswith("test_") and any(s in lab for s in suites):
            t.append("build/tests/" + lab)
    if any(s in "fuzz-replay" or "fuzz" in s for s in suites):
        t.append("test-bins")
    return t


def first_failure(out):
    """The first failing test named in tests/run's output."""
    lines = out.splitlines()
    for i, l in enumerate(lines):
        if l.startswith("Failures (logs in"):
            for f in lines[i + 1:]:
                if f.startswith("  "):
                    return f.strip()
            break
    return "?"


class Runner:
    def __init__(self, args):
        self.args = args
        self.root = os.path.join(TOP, "build", "mutate")
        self.tree = os.path.join(self.root, "tree")
        self.env = dict(os.environ)
        self.env.setdefault(
            "SHARED", os.path.realpath(os.path.join(TOP, "..", "shared")))
        self.make = os.environ.get("MAKE", "make")

    def build(self, suites, timeout=900):
        cmd = [self.make, "--no-print-directory", "-s", "-j2"]
        cmd += targets(suites, self.labels)
        cmd += ["build/tools/" + os.path.basename(t)[:-2] for t in
                glob.glob(os.path.join(self.tree, "tests/tools/*.c"))]
        return run(cmd, self.tree, timeout, self.env)

    def test(self, suites, timeout):
        return run(["tests/run", "--build", "build"] + suites, self.tree,
                   timeout, self.env)

    def prepare(self):
        t0 = time.time()
        # A build of the main tree makes the first copy's build quick.
        first = not os.path.isdir(os.path.join(self.tree, "build"))
        sync(TOP, self.tree)
        if first and os.path.isdir(os.path.join(TOP, "build")):
            shutil.copytree(os.path.join(TOP, "build"),
                            os.path.join(self.tree, "build"), symlinks=True,
                            ignore=shutil.ignore_patterns(
                                "test-logs", "mutate", "mutate-report.txt"))
        self.labels = labels(self.tree)
        self.stage2 = [lab for lab in self.labels if lab not in STAGE2_SKIP
                       and lab not in STAGE2_LAST]
        self.stage2 += [lab for lab in STAGE2_LAST if lab in self.labels
                        and lab not in STAGE2_SKIP]
        rc, out, _ = run([self.make, "--no-print-directory", "-s", "-j2",
                          "test-bins"], self.tree, 3600, self.env)
        if rc != 0:
            sys.stderr.write(out[-3000:])
            sys.stderr.write("mutate: the unchanged tree does not build\n")
            sys.exit(2)
        print("mutate: copy ready in build/mutate/tree (%.0f s)" % (
            time.time() - t0), flush=True)

    def one(self, m, timeout):
        """(result, killer, stage) of one mutant; the file restored."""
        off, why = locate(m, self.tree)
        if why:
            return "stale", why, 0
        p = os.path.join(self.tree, m.file)
        with open(p, encoding="utf-8") as fh:
            orig = fh.read()
        mutated = orig[:off] + m.f["to"] + orig[off + len(m.f["from"]):]
        try:
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(mutated)
            suites = m.suites.split()
            rc, out, to = self.build(suites)
            if to:
                return "timed-out", "build", 1
            if rc != 0:
                err = [l for l in out.splitlines() if "error" in l]
                return "compile-killed", (err[0] if err else "build failed"), 1
            rc, out, to = self.test(suites, timeout)
            if to:
                return "timed-out", "stage 1 (%d s)" % timeout, 1
            if rc != 0:
                return "killed", first_failure(out), 1
            if self.args.no_stage2:
                return "survived", "", 1
            rc, out, to = self.build(self.stage2)
            if rc != 0 or to:
                return "compile-killed", "stage 2 build", 2
            # Suite by suite, the quick ones first: the first failure
            # ends it.
            for suite in self.stage2:
                if any(f in suite for f in suites):
                    continue    # stage 1 ran it
                rc, out, to = self.test([suite], timeout)
                if to:
                    return "timed-out", "stage 2 %s (%d s)" % (
                        suite, timeout), 2
                if rc != 0:
                    return "killed", first_failure(out), 2
            return "survived", "", 2
        finally:
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(orig)
            # A mutant that makes -C or -o do nothing writes into the
            # copy's content/ or out/: put the copy back as it was, or
            # every later mutant runs on a changed tree.
            shutil.rmtree(os.path.join(self.tree, "out"), ignore_errors=True)
            sync(TOP, self.tree)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="only parse and match the mutants (no build)")
    ap.add_argument("--mutants", nargs="*", default=None)
    ap.add_argument("--only", default="")
    ap.add_argument("--no-stage2", action="store_true")
    ap.add_argument("--timeout", type=int, default=600,
                    help="seconds for the stage 1 suites of one mutant")
    args = ap.parse_args()
    if args.mutants:
        files = [os.path.abspath(f) for f in args.mutants]
    else:
        files = sorted(glob.glob(os.path.join(TOP, "tests/mutants/*.mut")))
    if not files:
        sys.exit("mutate: no mutant file")

    mutants, errs, stale = load(files)
    for e in errs:
        print("error: " + e)
    for m in mutants:
        if m.id in stale:
            print("error: %s: %s is stale: %s" % (m.where(), m.id,
                                                  stale[m.id]))
    if args.check:
        ne = sum(1 for m in mutants if m.equivalent is None)
        print("%d mutants (%d equivalent) in %d files, %d stale, %d errors"
              % (len(mutants), len(mutants) - ne, len(files), len(stale),
                 len(errs)))
        sys.exit(1 if errs or stale else 0)
    if errs:
        sys.exit(2)

    only = set(x for x in re.split(r"[,\s]+", args.only) if x)
    if only:
        unknown = only - set(m.id for m in mutants)
        if unknown:
            sys.exit("mutate: no mutant " + ", ".join(sorted(unknown)))
        mutants = [m for m in mutants if m.id in only]

    # Killed (SIGTERM, ^C): the copy's file is restored on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    r = Runner(args)
    r.prepare()
    # Mutants of one file one after the other: fewer recompilations.
    order = sorted(mutants, key=lambda m: m.file)
    rows, t_all = {}, time.time()
    for i, m in enumerate(order, 1):
        t0 = time.time()
        if m.equivalent is not None:
            res = ("equivalent", m.equivalent, 0)
        elif m.id in stale:
            res = ("stale", stale[m.id], 0)
        else:
            res = r.one(m, args.timeout)
        rows[m.id] = res + (time.time() - t0,)
        print("[%d/%d] %-36s %-14s %5.0fs  %s" % (
            i, len(order), m.id, res[0] + (" (stage 2)" if res[2] == 2
                                            and res[0] == "killed" else ""),
            rows[m.id][3], res[1] if res[0] != "equivalent" else ""),
            flush=True)
    # One more build of the restored copy: it is left as it was.
    r.build(["test_"])

    counts = {}
    for res in rows.values():
        counts[res[0]] = counts.get(res[0], 0) + 1
    killed = sum(counts.get(k, 0) for k in ("killed", "compile-killed",
                                            "timed-out"))
    eq, st = counts.get("equivalent", 0), counts.get("stale", 0)
    nonequiv = len(rows) - eq - st
    pct = 100.0 * killed / nonequiv if nonequiv else 100.0
    score = ("mutation score: %d killed / %d non-equivalent (%.1f %%), "
             "%d equivalent, %d stale" % (killed, nonequiv, pct, eq, st))
    detail = ("  killed at stage 1: %d, at stage 2: %d, compile-killed: %d,"
              " timed-out: %d, survived: %d; %.0f s" % (
                  sum(1 for x in rows.values() if x[0] == "killed"
                      and x[2] == 1),
                  sum(1 for x in rows.values() if x[0] == "killed"
                      and x[2] == 2),
                  counts.get("compile-killed", 0), counts.get("timed-out", 0),
                  counts.get("survived", 0), time.time() - t_all))

    rep = os.path.join(TOP, "build", "mutate-report.txt")
    with open(rep, "w", encoding="utf-8") as fh:
        fh.write("# annuaire mutation report: %d mutants from %s\n" % (
            len(rows), " ".join(os.path.relpath(f, TOP) for f in files)))
        fh.write("# stage 2: every suite but %s\n" % " ".join(
            sorted(STAGE2_SKIP)))
        fh.write("# id result seconds killer-or-reason\n")
        for m in mutants:
            res, why, stage, sec = rows[m.id]
            tag = res + ("-stage2" if res == "killed" and stage == 2 else "")
            fh.write("%s %s %.0f %s\n" % (m.id, tag, sec, why))
        surv = [m for m in mutants if rows[m.id][0] == "survived"]
        fh.write("\n# survivors: %d\n" % len(surv))
        for m in surv:
            fh.write("%s (%s, %s)\n  from: %s\n  to:   %s\n" % (
                m.id, m.file, m.kind, m.f["from"], m.f["to"]))
        stl = [m for m in mutants if rows[m.id][0] == "stale"]
        if stl:
            fh.write("\n# stale: %d\n" % len(stl))
            for m in stl:
                fh.write("%s: %s: %s\n" % (m.where(), m.id, rows[m.id][1]))
        fh.write("\n" + score + "\n" + detail + "\n")
    print("report: build/mutate-report.txt")
    for m in mutants:
        if rows[m.id][0] == "survived":
            print("survived: %s (%s)" % (m.id, m.file))
    print(detail.strip())
    print(score)
    sys.exit(1 if st else 0)


if __name__ == "__main__":
    main()
