"""safecheck ci gitlab|github and init --ci: pipelines that the platforms' own schemas
(check-jsonschema's vendored ones, offline) and actionlint accept, whose commands run
as written, and that never overwrite a pipeline someone changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ci_tools import actionlint, console_script
from helpers import SafetyRepo, run
from records import PLAN, data
from safecheck import yamlio
from safecheck.pipelines import daily_cron

INSTALL = "safecheck @ git+https://git.example.com/safety/safecheck.git@v0.1.0"
GITLAB = ".gitlab-ci.yml"
GITHUB = ".github/workflows/safecheck.yml"


def schema_check(path: Path, builtin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([console_script("check-jsonschema"), "--builtin-schema", builtin,
                           str(path)], capture_output=True, text=True, check=False,
                          timeout=120)


def load(path: Path) -> dict[str, Any]:
    return yamlio.load_mapping(path.read_text(encoding="utf-8"), str(path))


def test_the_gitlab_pipeline_passes_gitlabs_schema(repo: SafetyRepo) -> None:
    result = repo.run("ci", "gitlab", "--install", INSTALL)
    assert result.code == 0, result.err
    assert result.out.strip() == f"已写入 {GITLAB}"
    assert "流水线计划" in result.err  # the schedule is made in GitLab's settings
    path = repo.path / GITLAB
    done = schema_check(path, "vendor.gitlab-ci")
    assert done.returncode == 0, done.stdout + done.stderr
    pipeline = load(path)
    assert pipeline["variables"]["SAFECHECK_INSTALL"] == INSTALL
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    assert pipeline["variables"]["SAFECHECK_CACHE_DIR"] == ".safecheck-cache"
    assert ".safecheck-cache" in pipeline["default"]["cache"]["paths"]
    audit = pipeline["safecheck-audit"]
    assert "rules" not in audit  # every push, merge request and scheduled run
    assert audit["artifacts"]["reports"] == {"junit": "safecheck-audit.xml",
                                             "codequality": "gl-code-quality-audit.json"}
    review = pipeline["safecheck-review"]
    assert review["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert '--base "$CI_MERGE_REQUEST_DIFF_BASE_SHA"' in review["script"][0]
    report = pipeline["safecheck-report"]
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in report["rules"]
    assert any("report --month last" in line for line in report["script"])
    assert report["artifacts"]["paths"] == ["reports/"]


def test_the_github_workflow_passes_githubs_schema_and_actionlint(repo: SafetyRepo) -> None:
    result = repo.run("ci", "github", "--install", INSTALL)
    assert result.code == 0, result.err
    path = repo.path / GITHUB
    done = schema_check(path, "vendor.github-workflows")
    assert done.returncode == 0, done.stdout + done.stderr
    lint = subprocess.run([*actionlint(), str(path)], capture_output=True, text=True,
                          check=False, timeout=120, cwd=repo.path)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    workflow = load(path)
    assert set(workflow["on"]) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert workflow["on"]["schedule"] == [{"cron": "0 22 * * *"}]  # 06:00 in Shanghai
    assert workflow["env"]["SAFECHECK_INSTALL"] == (
        "${{ vars.SAFECHECK_INSTALL || '" + INSTALL + "' }}")
    review = workflow["jobs"]["review"]
    assert review["if"] == "github.event_name == 'pull_request'"
    checkout = review["steps"][0]["with"]
    assert checkout == {"ref": "${{ github.event.pull_request.head.sha }}", "fetch-depth": 0}
    step = next(s for s in review["steps"] if "review" in s.get("run", ""))
    assert step["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    caches = [s for job in workflow["jobs"].values() for s in job["steps"]
              if s.get("uses", "").startswith("actions/cache@")]
    assert len(caches) == 3 and all(c["with"]["path"] == ".safecheck-cache" for c in caches)


def test_actionlint_does_find_mistakes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/setup-python@v5\n        with:\n"
                   "          pyton-version: '3.12'\n", encoding="utf-8")
    lint = subprocess.run([*actionlint(), str(bad)], capture_output=True, text=True,
                          check=False, timeout=120, cwd=tmp_path)
    assert lint.returncode != 0 and "pyton-version" in lint.stdout + lint.stderr
    assert schema_check(bad, "vendor.gitlab-ci").returncode != 0


@pytest.mark.parametrize("platform, target", [("gitlab", GITLAB), ("github", GITHUB)])
def test_an_existing_pipeline_is_never_overwritten_unasked(repo: SafetyRepo, platform: str,
                                                           target: str) -> None:
    assert repo.run("ci", platform, "--install", INSTALL).code == 0
    path = repo.path / target
    again = repo.run("ci", platform, "--install", INSTALL)
    assert again.code == 0 and "已是最新" in again.out
    changed = path.read_text(encoding="utf-8") + "# 本单位的补充\n"
    path.write_text(changed, encoding="utf-8")
    refused = repo.run("ci", platform, "--install", INSTALL)
    assert refused.code == 2 and target in refused.err and "--force" in refused.err
    assert path.read_text(encoding="utf-8") == changed
    shown = repo.run("ci", platform, "--install", INSTALL, "--print")
    assert shown.code == 0 and shown.out.startswith("# safecheck")
    assert path.read_text(encoding="utf-8") == changed  # --print writes nothing
    forced = repo.run("ci", platform, "--install", INSTALL, "--force")
    assert forced.code == 0 and path.read_text(encoding="utf-8") == shown.out


def test_the_pipeline_needs_to_know_where_safecheck_comes_from(repo: SafetyRepo) -> None:
    # this safecheck was installed from a local folder: a pipeline cannot install that,
    # and the name alone would install another project from PyPI
    result = repo.run("ci", "gitlab")
    assert result.code == 2 and "--install" in result.err
    assert not (repo.path / GITLAB).exists()
    for bad_spec in ("safecheck\nrm -rf /", "safecheck @ https://x/}} ${{ secrets.TOKEN }}"):
        bad = repo.run("ci", "github", "--install", bad_spec)
        assert bad.code == 2 and not (repo.path / GITHUB).exists()
    shutil.rmtree(repo.path / ".git")
    outside = repo.run("ci", "gitlab", "--install", INSTALL)
    assert outside.code == 2 and "git" in outside.err and not (repo.path / GITLAB).exists()


def test_odd_requirements_stay_one_scalar(repo: SafetyRepo) -> None:
    odd = "safecheck @ https://pkgs.example.com/safecheck-0.1.0.whl#sha256=abc # it's: \"x\""
    assert repo.run("ci", "github", "--install", odd).code == 0
    assert repo.run("ci", "gitlab", "--install", odd).code == 0
    assert load(repo.path / GITLAB)["variables"]["SAFECHECK_INSTALL"] == odd
    expression = load(repo.path / GITHUB)["env"]["SAFECHECK_INSTALL"]
    assert expression == "${{ vars.SAFECHECK_INSTALL || '" + odd.replace("'", "''") + "' }}"
    lint = subprocess.run([*actionlint(), str(repo.path / GITHUB)], capture_output=True,
                          text=True, check=False, timeout=120, cwd=repo.path)
    assert lint.returncode == 0, lint.stdout


def test_init_lays_out_a_repository_with_its_pipeline(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    result = run("init", str(root), "--org", "示例集团", "--unit", "SW=水务公司", "--ci", "gitlab",
                 "--install", INSTALL)
    assert result.code == 0, result.err
    assert (root / ".git").is_dir() and (root / GITLAB).is_file()
    assert schema_check(root / GITLAB, "vendor.gitlab-ci").returncode == 0


def test_init_with_ci_writes_nothing_when_it_cannot_finish(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    (root / GITLAB).write_text("stages: [build]\n", encoding="utf-8")
    result = run("init", str(root), "--org", "示例集团", "--unit", "SW=水务公司", "--ci", "gitlab",
                 "--install", INSTALL)
    assert result.code == 2 and GITLAB in result.err
    assert sorted(p.name for p in root.iterdir()) == [".git", GITLAB]
    missing = run("init", str(tmp_path / "other"), "--org", "示例集团", "--unit", "SW=水务公司",
                  "--ci", "github")
    assert missing.code == 2 and not (tmp_path / "other").exists()


def test_a_ledger_in_a_folder_of_a_repository_gets_no_pipeline(tmp_path: Path) -> None:
    # review and report read the history of a ledger at the top of its repository only:
    # a pipeline whose review sees no change would pass anything
    top = tmp_path / "top"
    top.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(top)], check=True)
    ledger = top / "安全台账"
    assert run("init", str(ledger), "--org", "示例集团", "--unit", "SW=水务公司").code == 0
    result = run("ci", "gitlab", "--install", INSTALL, cwd=ledger)
    assert result.code == 2 and "安全台账" in result.err
    assert not (top / GITLAB).exists() and not (ledger / GITLAB).exists()
    other = top / "另一个台账"
    refused = run("init", str(other), "--org", "示例集团", "--unit", "SW=水务公司", "--ci",
                  "github", "--install", INSTALL)
    assert refused.code == 2 and not other.exists()


def test_a_repository_template_overrides_the_packaged_one(repo: SafetyRepo) -> None:
    own = repo.path / "templates" / "ci" / "gitlab-ci.yml.j2"
    own.parent.mkdir(parents=True)
    own.write_text("# {{ words.header|comment }}\nvariables:\n  SAFECHECK_INSTALL: "
                   "{{ install }}\n", encoding="utf-8")
    assert repo.run("ci", "gitlab", "--install", INSTALL).code == 0
    assert load(repo.path / GITLAB) == {"variables": {"SAFECHECK_INSTALL": INSTALL}}


def test_the_daily_audit_is_at_six_in_the_ledgers_time_zone() -> None:
    import datetime as dt

    day = dt.date(2026, 11, 21)
    assert daily_cron("Asia/Shanghai", day) == "0 22 * * *"
    assert daily_cron("UTC", day) == "0 6 * * *"
    assert daily_cron("Asia/Kolkata", day) == "30 0 * * *"


# --- the pipelines' commands, run as written -----------------------------------------------

def shell(line: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    bin_dir = str(Path(sys.executable).parent)
    environ = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **env)
    return subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=cwd, env=environ,
                          capture_output=True, text=True, check=False, timeout=120)


@pytest.fixture
def merge_request(repo: SafetyRepo) -> tuple[SafetyRepo, str]:
    """main with an overdue hazard; a branch 'sw/plan' that plans a new one."""
    path = repo.record_path("SW-20261110-B2C3")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yamlio.dump(data("rectifying", id="SW-20261110-B2C3",
                                     found_on="2026-11-10",
                                     plan={**PLAN, "deadline": "2026-11-15"})),
                    encoding="utf-8")
    base = repo.commit("登记", "2026-11-10T10:00:00+08:00")
    repo.git("checkout", "-q", "-b", "sw/plan")
    assert repo.run("new-hazard", "--no-input", "--unit", "SW", "--domain", "fire-safety",
                    "--title", "泵房消防通道堵塞", "--description", "通道堆放纸箱。",
                    "--location", "一号泵房", "--level", "general", "--source",
                    "self-inspection", "--found-on", "2026-11-20", "--found-by", "李明").code == 0
    repo.commit("登记", "2026-11-20T10:00:00+08:00")
    return repo, base


def test_the_gitlab_jobs_run_as_written(merge_request: tuple[SafetyRepo, str]) -> None:
    repo, base = merge_request
    assert repo.run("ci", "gitlab", "--install", INSTALL).code == 0
    pipeline = load(repo.path / GITLAB)
    env = {k: v for k, v in pipeline["variables"].items() if "$" not in v}
    env["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = base
    audit = [shell(line, repo.path, **env) for line in pipeline["safecheck-audit"]["script"]]
    assert audit[-1].returncode == 1, audit[-1].stderr  # the overdue hazard fails the gate
    assert "SW-20261110-B2C3" in audit[-1].stdout
    for report in pipeline["safecheck-audit"]["artifacts"]["reports"].values():
        assert (repo.path / report).stat().st_size > 0
    for line in pipeline["safecheck-review"]["script"]:
        done = shell(line, repo.path, **env)
        assert done.returncode == 0, done.stdout + done.stderr
    for line in pipeline["safecheck-report"]["script"]:
        done = shell(line, repo.path, **env)
        assert done.returncode == 0, done.stderr
    assert "2026年11月" in (repo.path / "reports" / "monthly-this.md").read_text("utf-8")
    assert "2026年10月" in (repo.path / "reports" / "monthly-last.md").read_text("utf-8")
    assert any((repo.path / ".safecheck-cache").iterdir())  # the cache the platform keeps
    assert not (repo.path / ".git" / "safecheck" / "blobs.marshal").exists()


def test_the_github_steps_run_as_written(merge_request: tuple[SafetyRepo, str]) -> None:
    repo, base = merge_request
    assert repo.run("ci", "github", "--install", INSTALL).code == 0
    workflow = load(repo.path / GITHUB)
    env = {k: v for k, v in workflow["env"].items() if "${{" not in v}
    codes = {}
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            line = step.get("run", "")
            if not line or "pip install" in line:
                continue
            done = shell(line, repo.path, BASE_SHA=base, **env)
            codes[name] = done.returncode
            assert done.returncode in (0, 1), done.stderr
    assert codes == {"audit": 1, "review": 0, "report": 0}
    assert (repo.path / "safecheck-audit.xml").is_file()
    assert (repo.path / "reports" / "monthly-last.md").is_file()


def test_report_months_this_and_last(repo: SafetyRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECHECK_TODAY", "2027-01-05")
    last = repo.run("report", "--month", "last", "--format", "json")
    assert last.code == 0, last.err
    assert '"2026-12-01"' in last.out and '"2026-12-31"' in last.out
    this = repo.run("report", "--month", "this", "--format", "json")
    assert '"2027-01-01"' in this.out
    assert repo.run("report", "--month", "previous").code == 2


def test_a_merge_request_that_changes_the_pipeline_fails_review(
        merge_request: tuple[SafetyRepo, str]) -> None:
    # the change under review must not decide how it is reviewed: a pipeline that drops
    # the review, or lets audit fail quietly, is merged on its own by someone entitled to
    repo, base = merge_request
    assert repo.run("review", "--base", base).code == 0
    assert repo.run("ci", "gitlab", "--install", INSTALL).code == 0
    path = repo.path / GITLAB
    path.write_text(path.read_text(encoding="utf-8").replace(
        "--codequality gl-code-quality-audit.json",
        "--codequality gl-code-quality-audit.json || true"), encoding="utf-8")
    repo.commit("CI", "2026-11-20T11:00:00+08:00")
    result = repo.run("review", "--base", base, "--format", "json")
    assert result.code == 1
    (finding,) = json.loads(result.out)["findings"]
    assert finding["rule"] == "pipeline-changed" and finding["path"] == GITLAB
    workflow = repo.path / ".github" / "workflows" / "other.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\n", encoding="utf-8")
    repo.commit("CI", "2026-11-20T12:00:00+08:00")
    result = repo.run("review", "--base", base, "--format", "json")
    assert {f["path"] for f in json.loads(result.out)["findings"]} == {
        GITLAB, ".github/workflows/other.yml"}


def test_the_readme_names_the_hooks_and_commands_that_exist(repo: SafetyRepo) -> None:
    import re
    import shlex

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## CI and pre-commit"):readme.index("## The record format")]
    hooks = (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
    named = set(re.findall(r"- id: (\S+)", section))
    shipped = set(re.findall(r"^- id: (\S+)$", hooks, re.MULTILINE))
    assert named == shipped == {"safecheck-fmt", "safecheck-validate"}
    for line in re.findall(r"^safecheck ci (?:gitlab|github) --install '[^']+'$", section,
                           re.MULTILINE):
        args = shlex.split(line)[1:]
        result = repo.run(*args, "--print")
        assert result.code == 0, (line, result.err)
