"""Measure safecheck as whole processes against the baselines the issues name.

    python benchmarks/run.py [--records 1000 10000] [--runs 5] [--only audit,startup]

Corpora come from ``../shared/bench/make_corpus.py`` (a year of history ending
2026-09-30) and are kept under --work (default: $TMPDIR/safecheck-bench) for reuse.
Every case runs the real, installed ``safecheck`` console script. Candidate and baseline
runs are interleaved and the ratio is of medians, so a busy machine hurts both alike.
Nothing here is a test: it prints figures for docs/performance.md and closing notes.
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
    """One comparison: a candidate command against a baseline, with a target ratio."""

    name: str
    candidate: list[str]
    baseline: list[str]
    target: float | None
    cwd: Path
    env: dict[str, str]
    prepare: Callable[[], None] | None = None
    expect: tuple[int, ...] = (0, 1)
    baseline_env: dict[str, str] | None = None


def safecheck_exe() -> str:
    """The installed console script next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).with_name("safecheck")
    found = str(beside) if beside.exists() else shutil.which("safecheck")
    if not found:
        raise SystemExit("safecheck is not installed; run pip install . first")
    return found


def build_corpus(tool: Path, work: Path, records: int) -> Path:
    """A corpus of ``records`` hazards, made once and reused."""
    dest = work / f"corpus-{records}"
    summary = dest / ".git" / "safecheck-corpus.json"
    if summary.exists() and json.loads(summary.read_text())["records"] == records:
        return dest
    print(f"building a {records}-record corpus in {dest} ...", flush=True)
    subprocess.run([sys.executable, str(tool), str(dest), "--records", str(records),
                    "--force"], check=True, stdout=subprocess.DEVNULL)
    return dest


def timed(command: list[str], cwd: Path, env: dict[str, str], expect: tuple[int, ...]
          ) -> float:
    """Wall-clock seconds of one run of ``command``."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in expect:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: "
                         f"{done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def measure(case: Case, runs: int) -> tuple[list[float], list[float]]:
    """Interleaved runs of candidate and baseline (one warm-up of each first)."""
    base_env = case.baseline_env or case.env
    for command, env in ((case.baseline, base_env), (case.candidate, case.env)):
        if case.prepare:
            case.prepare()
        timed(command, case.cwd, env, case.expect)
    cand, base = [], []
    for _ in range(runs):
        if case.prepare:
            case.prepare()
        base.append(timed(case.baseline, case.cwd, base_env, case.expect))
        if case.prepare:
            case.prepare()
        cand.append(timed(case.candidate, case.cwd, case.env, case.expect))
    return cand, base


def report(case: Case, cand: list[float], base: list[float]) -> dict[str, object]:
    """Print one line and return the figures."""
    ratio = statistics.median(cand) / statistics.median(base)
    if case.target is None:
        verdict = "(no target)"
    else:
        verdict = f"(target <= {case.target:.2f})  " + ("ok" if ratio <= case.target
                                                         else "MISSED")
    print(f"{case.name:<38} {statistics.median(cand):7.3f}s vs {statistics.median(base):7.3f}s"
          f"  ratio {ratio:5.2f} {verdict}", flush=True)
    return {"case": case.name, "candidate_median": statistics.median(cand),
            "baseline_median": statistics.median(base), "candidate_min": min(cand),
            "baseline_min": min(base), "ratio": ratio, "target": case.target,
            "runs": len(cand)}


def startup_cases(exe: str, env: dict[str, str]) -> list[Case]:
    """--help against a minimal Typer app, --version against importing typer."""
    yard = str(HERE / "minimal_typer_app.py")
    return [
        Case("startup: safecheck --help", [exe, "--help"], [sys.executable, yard, "--help"],
             1.2, PROJECT, env, expect=(0,)),
        Case("startup: safecheck --version", [exe, "--version"],
             [sys.executable, "-c", "import typer"], 1.5, PROJECT, env, expect=(0,)),
    ]


def at_scale(target: float, records: int) -> float | None:
    """The issues set their targets on the 10,000-record corpus; smaller ones only inform."""
    return target if records >= 10_000 else None


def audit_cases(exe: str, corpus: Path, env: dict[str, str], records: int) -> list[Case]:
    """audit cold (no cache) and warm against parsing every file with CSafeLoader."""
    cold = dict(env, SAFECHECK_NO_CACHE="1")
    baseline = [sys.executable, "-c", PARSE_BASELINE]
    command = [exe, "audit", "--format", "json"]
    target = at_scale(1.5, records)
    return [
        Case(f"audit cold, {records} records", command, baseline, target, corpus, cold),
        Case(f"audit warm cache, {records} records", command, baseline, target, corpus, env),
    ]


def history_cases(exe: str, corpus: Path, env: dict[str, str], records: int,
                  only: set[str]) -> list[Case]:
    """report cold and warm, and review of 50 commits, against a cold audit."""
    cold = dict(env, SAFECHECK_NO_CACHE="1")
    audit = [exe, "audit", "--format", "json"]
    report = [exe, "report", "--week", "2026-W39"]
    cases = []
    if "report" in only:
        cases += [
            Case(f"report cold, {records} records", report, audit, at_scale(1.5, records),
                 corpus, cold),
            Case(f"report warm cache, {records} records", report, audit,
                 at_scale(0.5, records), corpus, env, baseline_env=cold),
        ]
    if "review" in only:
        cases.append(Case(f"review 50 commits, {records} records",
                          [exe, "review", "HEAD~50..HEAD"], audit, None, corpus, env,
                          baseline_env=cold))
    return cases


def main(argv: list[str] | None = None) -> int:
    """Build corpora, run the cases, print ratios (and optionally save them as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="startup,audit,report,review")
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "safecheck-bench")
    parser.add_argument("--corpus-tool", type=Path, default=DEFAULT_CORPUS_TOOL)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    exe = safecheck_exe()
    env = dict(os.environ, SAFECHECK_TODAY=AS_OF)
    env.pop("SAFECHECK_NO_CACHE", None)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs each, "
          "medians of interleaved runs", flush=True)
    cases: list[Case] = []
    if "startup" in only:
        cases += startup_cases(exe, env)
    for records in args.records:
        if only & {"audit", "report", "review"}:
            corpus = build_corpus(args.corpus_tool, args.work, records)
        if "audit" in only:
            cases += audit_cases(exe, corpus, env, records)
        if only & {"report", "review"}:
            cases += history_cases(exe, corpus, env, records, only)
    results = [report(case, *measure(case, args.runs)) for case in cases]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(r["target"] is None or r["ratio"] <= r["target"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
