"""Measure safecheck as whole processes against the baselines the issues name.

    python benchmarks/run.py [--records 1000 10000 100000] [--runs 5] [--only audit,list]

Corpora come from ``../shared/bench/make_corpus.py`` (a year of history ending
2026-09-30) and are kept under --work (default: $TMPDIR/safecheck-bench) for reuse; the
100,000-record one takes about 25 minutes to build on two cores, once. Every case runs the
real, installed ``safecheck`` console script. The yardstick of every case at scale is the
bare parse of every record file with CSafeLoader (issue 13), measured once per corpus;
start-up cases keep their own yardsticks, run interleaved. For each case and size it
prints the median time, the ratio to the yardstick, the peak memory of the largest process
(the operating system's own figure, from ``wait4``) per record, and at the end the growth
from 10k to 100k. Nothing here is a test: it prints figures for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
DEFAULT_CORPUS_TOOL = PROJECT.parent / "shared" / "bench" / "make_corpus.py"
AS_OF = "2026-09-30"
MB = 1024 * 1024

PARSE_BASELINE = """
import os, yaml
for folder, _, names in os.walk("records"):
    for name in names:
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), "rb") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""


@dataclass
class Case:
    """One command measured against a yardstick, with the issue's targets."""

    name: str
    candidate: list[str]
    cwd: Path
    env: dict[str, str]
    records: int = 0
    #: The most the median time may be, as a share of the yardstick.
    target: float | None = None
    #: Peak memory allowed: (bytes per record, fixed bytes); None: none set.
    memory: tuple[int, int] | None = None
    #: A yardstick run interleaved with the candidate (start-up cases only).
    baseline: list[str] | None = None
    prepare: Callable[[], None] | None = None
    expect: tuple[int, ...] = (0, 1)


@dataclass
class Run:
    """One whole-process run: wall seconds and the largest process's peak memory."""

    seconds: float
    peak: int


def safecheck_exe() -> str:
    """The installed console script next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).with_name("safecheck")
    found = str(beside) if beside.exists() else shutil.which("safecheck")
    if not found:
        raise SystemExit("safecheck is not installed; run pip install . first")
    return found


def compile_package() -> None:
    """Byte-compile the installed package, as installing it from a wheel does: an
    editable install under PYTHONDONTWRITEBYTECODE would compile every changed module
    on every run, and start-up would be measured with it."""
    import compileall

    import safecheck

    compileall.compile_dir(str(Path(safecheck.__file__).parent), quiet=1)


def build_corpus(tool: Path, work: Path, records: int) -> Path:
    """A corpus of ``records`` hazards, made once and reused."""
    dest = work / f"corpus-{records}"
    summary = dest / ".git" / "safecheck-corpus.json"
    if summary.exists() and json.loads(summary.read_text())["records"] == records:
        return dest
    print(f"building a {records}-record corpus in {dest} ...", flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(tool), str(dest), "--records", str(records),
                    "--force"], check=True, stdout=subprocess.DEVNULL)
    print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
    return dest


def timed(command: list[str], cwd: Path, env: dict[str, str], expect: tuple[int, ...]
          ) -> Run:
    """One run of ``command``: wall-clock seconds and peak resident memory."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                 stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in expect:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} exited {code}: "
                             f"{errors.read().decode(errors='replace')[-500:]}")
    return Run(elapsed, usage.ru_maxrss * 1024)  # Linux reports kilobytes


def runs_of(command: list[str], cwd: Path, env: dict[str, str], runs: int,
            prepare: Callable[[], None] | None = None, expect: tuple[int, ...] = (0, 1)
            ) -> list[Run]:
    """``runs`` measured runs after one warm-up."""
    out = []
    for n in range(runs + 1):
        if prepare:
            prepare()
        run = timed(command, cwd, env, expect)
        if n:
            out.append(run)
    return out


def median_time(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def median_peak(runs: list[Run]) -> int:
    return int(statistics.median(r.peak for r in runs))


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("ok" if ok else "MISSED")


def report(case: Case, runs: list[Run], yardstick: float) -> dict[str, object]:
    """Print one line and return the figures."""
    seconds, peak = median_time(runs), median_peak(runs)
    ratio = seconds / yardstick
    time_ok = None if case.target is None else ratio <= case.target
    limit = None
    if case.memory is not None:
        per_record, fixed = case.memory
        limit = per_record * case.records + fixed
    memory_ok = None if limit is None else peak <= limit
    per = f"{peak / case.records / 1024:5.1f} KB/rec" if case.records else " " * 13
    target = f"≤ {case.target:.2f}" if case.target is not None else "    "
    print(f"{case.name:<34} {seconds:8.3f}s  ratio {ratio:6.3f} ({target} {verdict(time_ok)})"
          f"  peak {peak / MB:7.1f} MB {per}"
          + (f" (≤ {limit / MB:.0f} MB {verdict(memory_ok)})" if limit else ""), flush=True)
    return {"case": case.name, "records": case.records, "seconds": seconds,
            "yardstick": yardstick, "ratio": ratio, "target": case.target,
            "peak_bytes": peak, "memory_limit": limit, "time_ok": time_ok,
            "memory_ok": memory_ok, "runs": len(runs)}


def startup_cases(exe: str, env: dict[str, str]) -> list[Case]:
    """--help against a minimal Typer app, --version against importing typer."""
    yard = str(HERE / "minimal_typer_app.py")
    return [
        Case("startup: safecheck --help", [exe, "--help"], PROJECT, env, target=1.2,
             baseline=[sys.executable, yard, "--help"], expect=(0,)),
        Case("startup: safecheck --version", [exe, "--version"], PROJECT, env, target=1.5,
             baseline=[sys.executable, "-c", "import typer"], expect=(0,)),
    ]


def at_scale(target: float, records: int) -> float | None:
    """The issues set their targets on the 10k and 100k corpora; smaller ones inform."""
    return target if records >= 10_000 else None


def any_id(corpus: Path) -> str:
    """The ID of some record of the corpus (for ``show``)."""
    records = corpus / "records"
    unit = sorted(records.iterdir())[0]
    year = sorted(unit.iterdir())[-1]
    return sorted(p.stem for p in year.glob("*.yaml"))[0]


def size_cases(exe: str, corpus: Path, env: dict[str, str], records: int,
               only: set[str]) -> list[Case]:
    """Every case on one corpus: the issue's targets where it sets them."""
    cold = dict(env, SAFECHECK_NO_CACHE="1")
    bounded = (3 * 1024, 50 * MB)   # ≤ 3 KB a record + 50 MB
    flat = (0, 120 * MB)            # flat: no more than start-up and a little
    n = records

    def case(name: str, args: list[str], environ: dict[str, str], target: float | None,
             memory: tuple[int, int] | None) -> Case:
        return Case(f"{name}, {n // 1000}k", [exe, *args], corpus, environ, n,
                    None if target is None else at_scale(target, n), memory)

    cases = []
    if "audit" in only:
        cases += [case("audit cold", ["audit", "--format", "json"], cold, 0.7, bounded),
                  case("audit warm", ["audit", "--format", "json"], env, 0.1, bounded)]
    if "list" in only:
        cases.append(case("list --overdue warm", ["list", "--overdue"], env, 0.1, bounded))
    if "report" in only:
        week = ["report", "--week", "2026-W39"]
        cases += [case("report week cold", week, cold, None, bounded),
                  case("report week warm", week, env, 0.1, bounded)]
    if "review" in only:
        cases.append(case("review 50 commits", ["review", "HEAD~50..HEAD"], env,
                          0.05 if n >= 100_000 else None, flat))
    if "show" in only:
        cases.append(case("show", ["show", any_id(corpus)], env, None, flat))
    return cases


def growth(results: list[dict[str, object]]) -> None:
    """How much each case grew from the 10k corpus to the 100k one (10× the records)."""
    by_name: dict[str, dict[int, float]] = {}
    for r in results:
        name = str(r["case"]).rsplit(",", 1)[0]
        by_name.setdefault(name, {})[int(r["records"])] = float(r["seconds"])  # type: ignore
    lines = [(name, sizes[100_000] / sizes[10_000]) for name, sizes in by_name.items()
             if 10_000 in sizes and 100_000 in sizes]
    if lines:
        print("growth 10k → 100k (10× the records):")
    for name, factor in lines:
        note = "  (target ≤ 10×)" if name.startswith("report week warm") else ""
        print(f"  {name:<32} {factor:6.2f}×{note}")


def main(argv: list[str] | None = None) -> int:
    """Build corpora, run the cases, print ratios (and optionally save them as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="startup,audit,list,report,review,show")
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "safecheck-bench")
    parser.add_argument("--corpus-tool", type=Path, default=DEFAULT_CORPUS_TOOL)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    exe = safecheck_exe()
    compile_package()
    env = dict(os.environ, SAFECHECK_TODAY=AS_OF)
    env.pop("SAFECHECK_NO_CACHE", None)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs each, "
          "medians", flush=True)
    results = []
    if "startup" in only:
        for case in startup_cases(exe, env):
            assert case.baseline is not None
            cand, base = [], []
            for _ in range(args.runs):
                base.append(timed(case.baseline, case.cwd, env, case.expect))
                cand.append(timed(case.candidate, case.cwd, env, case.expect))
            results.append(report(case, cand, median_time(base)))
    for records in args.records:
        cases_wanted = only - {"startup"}
        if not cases_wanted:
            break
        corpus = build_corpus(args.corpus_tool, args.work, records)
        parse_command = [sys.executable, "-c", PARSE_BASELINE]
        # The yardstick is measured before and after the cases, so a machine whose speed
        # drifts meanwhile moves it too; every case is compared with the median of both.
        parse = runs_of(parse_command, corpus, env, args.runs)
        measured = []
        for case in size_cases(exe, corpus, env, records, cases_wanted):
            measured.append((case, runs_of(case.candidate, case.cwd, case.env, args.runs,
                                           case.prepare, case.expect)))
        parse += runs_of(parse_command, corpus, env, args.runs)
        yardstick = median_time(parse)
        print(f"-- {records} records: bare CSafeLoader parse {yardstick:.3f} s (from "
              f"{min(r.seconds for r in parse):.1f} to {max(r.seconds for r in parse):.1f}),"
              f" peak {median_peak(parse) / MB:.1f} MB", flush=True)
        results += [report(case, runs, yardstick) for case, runs in measured]
    growth(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(r["time_ok"] is not False and r["memory_ok"] is not False
                    for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
