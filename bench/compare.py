#!/usr/bin/env python3
"""iblint against its floor and its peers, in one run on the same files.

Generates the seeded corpus (build/bench/iblint_bench_corpus), adds the real files of
../shared/corpus when present, and measures whole-process medians of
  - the raw tree-sitter parse of every file (build/bench/iblint_raw_parse: read + parse only),
  - iblint -j1 and iblint with every core (--no-shellcheck: see bench/README.md),
  - yamllint -d relaxed (Debian package `yamllint`),
  - iblint on one small file,
and iblint's peak memory (the child's ru_maxrss) on the largest input. Every figure, the ratios
and the issue's targets are printed; runs of the tools alternate so that a change in the
machine's load hits all of them alike.

    python3 bench/compare.py --build build
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

LINTED_SUFFIXES = (".yml", ".yaml", ".json")


def lintable_files(root):
    """The files iblint's folder walk would pick: *.yml, *.yaml, *.json; no hidden folders."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        found.extend(os.path.join(folder, f) for f in sorted(files) if f.endswith(LINTED_SUFFIXES))
    return found


class Run:
    """One whole process: wall and CPU seconds, peak resident memory (bytes), exit code."""

    def __init__(self, argv):
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        self.wall = time.perf_counter() - start
        self.cpu = usage.ru_utime + usage.ru_stime
        self.peak = usage.ru_maxrss * 1024
        self.code = os.waitstatus_to_exitcode(status)

    def check(self, name, argv):
        """Exit 0 or 1 (findings) only: anything else means the figure measures a failure."""
        if self.code not in (0, 1):
            result = subprocess.run(argv, capture_output=True, text=True)
            sys.exit(f"compare.py: {name} exited {self.code}: {result.stderr.strip()[:2000]}")


def load_average():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build", help="the CMake build folder (Release or RelWithDebInfo)")
    parser.add_argument("--shared-corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    parser.add_argument("--repeat", type=int, default=7, help="runs of each tool over all files (median)")
    parser.add_argument("--yamllint-repeat", type=int, default=3, help="runs of yamllint (slow)")
    parser.add_argument("--small-repeat", type=int, default=51, help="runs of iblint on one small file")
    parser.add_argument("--seed", default="42")
    parser.add_argument("--small", default="1000", help="generated small component files")
    parser.add_argument("--large", default="3", help="generated 10,000-step documents")
    parser.add_argument("--templates", default="40", help="generated CloudFormation templates")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="'all cores' (default: usable cores)")
    parser.add_argument("--shellcheck", action="store_true", help="also time iblint with shellcheck (IB701)")
    parser.add_argument("--keep", help="write the corpus here and keep it")
    parser.add_argument("--before", help="another iblint binary (e.g. before a change) timed in the same run")
    args = parser.parse_args()

    iblint = os.path.join(args.build, "iblint")
    raw_parse = os.path.join(args.build, "bench", "iblint_raw_parse")
    make_corpus = os.path.join(args.build, "bench", "iblint_bench_corpus")
    for program in (iblint, raw_parse, make_corpus):
        if not os.access(program, os.X_OK):
            sys.exit(f"compare.py: {program} is missing; build it: cmake --build {args.build}")
    yamllint = shutil.which("yamllint")

    work = args.keep or tempfile.mkdtemp(prefix="iblint-compare-")
    generated = os.path.join(work, "generated")
    subprocess.run([make_corpus, generated, "--seed", args.seed, "--small", args.small, "--large", args.large,
                    "--templates", args.templates], check=True)
    files = lintable_files(generated)
    shared = lintable_files(args.shared_corpus) if os.path.isdir(args.shared_corpus) else []
    files += shared
    total_bytes = sum(os.path.getsize(f) for f in files)
    largest = max(files, key=os.path.getsize)
    small_file = os.path.join(generated, "small", "component-0.yaml")

    iblint_common = [iblint, "--no-color", "--no-shellcheck"]
    tools = {
        "raw tree-sitter parse": ([raw_parse] + files, args.repeat),
        "iblint -j1": (iblint_common + ["-j1"] + files, args.repeat),
        f"iblint -j{args.jobs} (all cores)": (iblint_common + [f"-j{args.jobs}"] + files, args.repeat),
    }
    if args.shellcheck:
        tools["iblint -j1, shellcheck"] = ([iblint, "--no-color", "-j1"] + files, args.repeat)
        tools[f"iblint -j{args.jobs}, shellcheck"] = ([iblint, "--no-color", f"-j{args.jobs}"] + files, args.repeat)
    if args.before:
        tools["before: iblint -j1"] = ([args.before, "--no-color", "--no-shellcheck", "-j1"] + files, args.repeat)
    if yamllint:
        tools["yamllint -d relaxed"] = ([yamllint, "-d", "relaxed", "-f", "parsable"] + files, args.yamllint_repeat)
    print(f"files: {len(files)} ({len(files) - len(shared)} generated with seed {args.seed}, {len(shared)} from "
          f"{os.path.normpath(args.shared_corpus) if shared else 'no shared corpus'}), {total_bytes / 1e6:.2f} MB")
    print(f"largest input: {os.path.relpath(largest, work) if largest.startswith(work) else largest} "
          f"({os.path.getsize(largest) / 1e6:.2f} MB); cores usable: {len(os.sched_getaffinity(0))}")
    print(f"load average before: {load_average()}")

    runs = {name: [] for name in tools}
    for round_ in range(max(repeat for _, repeat in tools.values())):
        for name, (argv, repeat) in tools.items():
            if round_ < repeat:
                runs[name].append(Run(argv))
                runs[name][-1].check(name, argv)
    small = [Run(iblint_common + [small_file]) for _ in range(args.small_repeat)]
    before_small = [Run([args.before, "--no-color", "--no-shellcheck", small_file]) for _ in range(args.small_repeat)] \
        if args.before else []
    largest_runs = [Run(iblint_common + ["-j1", largest]) for _ in range(3)]
    raw_largest = Run([raw_parse, largest])
    peak = max(r.peak for r in largest_runs)
    print(f"load average after:  {load_average()}\n")

    print("wall s per round: " + "; ".join(f"{name}: " + " ".join(f"{r.wall:.2f}" for r in rs)
                                          for name, rs in runs.items() if len(rs) > 1) + "\n")
    median = {name: statistics.median(r.wall for r in rs) for name, rs in runs.items()}
    cpu = {name: statistics.median(r.cpu for r in rs) for name, rs in runs.items()}
    print(f"{'whole process, all files':34} {'median s':>9} {'min s':>8} {'max s':>8} {'CPU s':>8} {'runs':>5} {'MB/s':>8}")
    for name, rs in runs.items():
        walls = [r.wall for r in rs]
        print(f"{name:34} {median[name]:9.3f} {min(walls):8.3f} {max(walls):8.3f} {cpu[name]:8.3f} {len(rs):5} "
              f"{total_bytes / 1e6 / median[name]:8.1f}")
    small_ms = statistics.median(r.wall for r in small) * 1000
    small_cpu_ms = statistics.median(r.cpu for r in small) * 1000
    print(f"{'iblint, one small file':34} {small_ms / 1000:9.4f} {min(r.wall for r in small):8.4f} "
          f"{max(r.wall for r in small):8.4f} {small_cpu_ms / 1000:8.4f} {len(small):5}")
    if before_small:
        print(f"{'before: iblint, one small file':34} {statistics.median(r.wall for r in before_small):9.4f} "
              f"{min(r.wall for r in before_small):8.4f} {max(r.wall for r in before_small):8.4f} "
              f"{statistics.median(r.cpu for r in before_small):8.4f} {len(before_small):5}")
    print(f"peak memory on the largest input: iblint -j1 {peak / 2**20:.1f} MiB, "
          f"raw tree-sitter parse {raw_largest.peak / 2**20:.1f} MiB\n")

    raw = median["raw tree-sitter parse"]
    serial = median["iblint -j1"]
    parallel = median[f"iblint -j{args.jobs} (all cores)"]
    memory_limit = 10 * os.path.getsize(largest) + 32 * 2**20
    # Each round runs every tool once, back to back: the ratio within a round cancels a slow
    # spell of the machine that a ratio of medians mixes in (see bench/README.md on this VM).
    def paired(numerator, denominator):
        return statistics.median(a.wall / b.wall for a, b in zip(runs[numerator], runs[denominator]))

    all_cores = f"iblint -j{args.jobs} (all cores)"
    serial_over_raw = paired("iblint -j1", "raw tree-sitter parse")
    serial_over_parallel = paired("iblint -j1", all_cores)
    cpu_ratio = cpu["iblint -j1"] / cpu["raw tree-sitter parse"]
    rows = [
        ("iblint -j1 / raw parse", serial / raw, "<= 1.5", serial / raw <= 1.5),
        ("  median of per-round ratios", serial_over_raw, "(<= 1.5)", serial_over_raw <= 1.5),
        ("  the same in CPU time", cpu_ratio, "(<= 1.5)", cpu_ratio <= 1.5),
    ]
    if yamllint:
        lint = median["yamllint -d relaxed"]
        rows.append((f"yamllint / iblint -j{args.jobs}", lint / parallel, ">= 30", lint / parallel >= 30))
        rows.append(("yamllint / iblint -j1", lint / serial, "(>= 30)", lint / serial >= 30))
    rows += [
        (f"iblint -j1 / iblint -j{args.jobs}", serial / parallel, ">= 1.7", serial / parallel >= 1.7),
        ("  median of per-round ratios", serial_over_parallel, "(>= 1.7)", serial_over_parallel >= 1.7),
        ("one small file, ms", small_ms, "< 10", small_ms < 10),
        ("peak memory, MiB", peak / 2**20, f"<= {memory_limit / 2**20:.1f}", peak <= memory_limit),
    ]
    print(f"{'target':34} {'measured':>10} {'wanted':>10}  result")
    for name, value, wanted, ok in rows:
        print(f"{name:34} {value:10.2f} {wanted:>10}  {'pass' if ok else 'MISS'}")
    if not yamllint:
        print("yamllint not installed (Debian package `yamllint`): its ratio was not measured")
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
