"""The hostile corpus: every hostile file or folder answered in one line, nothing lost.

Each case puts something hostile into a committed safety repository (a record file from
tests/hostile/records/, or a folder, link, FIFO or template made here), commits it, and
runs audit, list, show, fmt --check, report and review on it. Whatever the case, no
command may crash (exit 3 or a traceback), print more than one line of error, hang,
change a file, or let raw control characters reach the terminal. Refused cases must be
reported by audit and review and refused by show, naming the file; accepted cases must
load. The expectations are in :data:`CASES`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import make_repo
from helpers import Result, SafetyRepo

CORPUS = Path(__file__).parent / "hostile"
TARGET = "SW-20261116-7KQF"
TARGET_PATH = f"records/SW/2026/{TARGET}.yaml"
CONTROL = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))]


@dataclass(frozen=True)
class Case:
    """What to plant, and whether the ledger must refuse it (``refused``) or read it."""

    plant: Callable[[SafetyRepo], None]
    refused: bool
    words: str = ""  # in the one-line refusal of ``show`` (and audit's finding)
    #: A file that is read as a record but cannot be, so ``list`` says it left one out.
    #: (A link, FIFO or folder is not read as a record at all: audit reports it.)
    read_as_record: bool = True


def _record_file(name: str) -> Callable[[SafetyRepo], None]:
    def plant(repo: SafetyRepo) -> None:
        target = repo.path / TARGET_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((CORPUS / "records" / name).read_bytes())
    return plant


ACCEPTED_FILES = {"utf8-bom.yaml", "crlf.yaml", "long-description.yaml"}
WORDS = {
    "scalar-int.yaml": "mapping", "scalar-bool.yaml": "mapping", "scalar-float.yaml": "mapping",
    "scalar-string.yaml": "mapping", "empty.yaml": "mapping", "null.yaml": "mapping",
    "list.yaml": "mapping", "two-documents.yaml": "one document",
    "timestamp-tag.yaml": "tag", "python-tag.yaml": "tag", "binary-tag.yaml": "tag",
    "set-tag.yaml": "tag", "merge-key.yaml": "alias", "complex-key.yaml": "key",
    "int-key.yaml": "key", "nested-duplicate-key.yaml": "duplicate",
    "quoted-duplicate-key.yaml": "duplicate", "deep-nesting.yaml": "nest",
    "conflict-markers.yaml": "merge-conflict", "escape-in-title.yaml": "control character",
    "bidi-in-title.yaml": "control character", "nul-in-location.yaml": "control character",
    "huge-funding.yaml": "amount", "nan-funding.yaml": "amount", "inf-funding.yaml": "amount",
    "far-future-found-on.yaml": "found_on", "far-past-deadline.yaml": "deadline",
    "fullwidth-digits-id.yaml": "id", "arabic-digits-id.yaml": "id",
    "invalid-utf8.yaml": "UTF-8", "utf16.yaml": "UTF-8",
}


def _symlink_loop(repo: SafetyRepo) -> None:
    (repo.path / "records" / "SW").mkdir(parents=True, exist_ok=True)
    (repo.path / "records" / "SW" / "loop").symlink_to("loop")
    (repo.path / "records" / "SW" / "up").symlink_to("..")


def _symlink_outside(repo: SafetyRepo) -> None:
    (repo.path / "records" / "SW" / "2026").mkdir(parents=True, exist_ok=True)
    (repo.path / TARGET_PATH).symlink_to("/etc/passwd")


def _fifo(repo: SafetyRepo) -> None:
    (repo.path / "records" / "SW" / "2026").mkdir(parents=True, exist_ok=True)
    os.mkfifo(repo.path / TARGET_PATH)


def _folder_named_as_record(repo: SafetyRepo) -> None:
    (repo.path / TARGET_PATH).mkdir(parents=True)
    (repo.path / TARGET_PATH / "x.yaml").write_text("a: 1\n", encoding="utf-8")


def _many_with_a_timestamp(repo: SafetyRepo) -> None:
    # 400 files or more take the parallel parse path: one bad value must not crash it.
    good = (CORPUS / "records" / "crlf.yaml").read_bytes().replace(b"\r\n", b"\n")
    folder = repo.path / "records" / "SW" / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(420):
        suffix = f"{n:04d}".translate(str.maketrans("0123456789", "ABCDEFGHJK"))
        (folder / f"SW-20261116-{suffix}.yaml").write_bytes(
            good.replace(b"SW-20261116-7KQF", f"SW-20261116-{suffix}".encode()))
    _record_file("timestamp-tag.yaml")(repo)


def _template(text: str | None, link: str | None = None,
              name: str = "report.en.md.j2") -> Callable[[SafetyRepo], None]:
    def plant(repo: SafetyRepo) -> None:
        path = repo.path / "templates" / name
        if link is not None:
            path.symlink_to(link)
        else:
            assert text is not None
            path.write_text(text, encoding="utf-8")
    return plant


def _secret(repo: SafetyRepo) -> str:
    secret = repo.path.parent / "ci-secrets.env"
    secret.write_text("SECRET_TOKEN=hunter2\n", encoding="utf-8")
    return str(secret)


def _template_link_outside(repo: SafetyRepo) -> None:
    _template(None, link=_secret(repo))(repo)


def _template_including_link(repo: SafetyRepo) -> None:
    _template(None, link=_secret(repo), name="secret.j2")(repo)
    _template('{% include "secret.j2" %}\n')(repo)


CASES: dict[str, Case] = {
    **{name: Case(_record_file(name), name not in ACCEPTED_FILES, WORDS.get(name, ""))
       for name in sorted(p.name for p in (CORPUS / "records").iterdir())},
    "symlink-loop": Case(_symlink_loop, refused=False),
    "symlink-to-outside": Case(_symlink_outside, refused=True, words="regular file",
                               read_as_record=False),
    "fifo": Case(_fifo, refused=True, words="regular file", read_as_record=False),
    "folder-named-as-record": Case(_folder_named_as_record, refused=True,
                                   words="regular file", read_as_record=False),
    "420-files-one-timestamp": Case(_many_with_a_timestamp, refused=True, words="tag"),
    "template-link-outside": Case(_template_link_outside, refused=False),
    "template-including-link": Case(_template_including_link, refused=False),
    "template-syntax-error": Case(_template("{{ foo( }}\n"), refused=False),
    "template-undefined": Case(_template("{{ nothing.here.at_all }}\n"), refused=False),
    "template-escape": Case(_template("{{ ''.__class__.__mro__[1].__subclasses__() }}\n"),
                            refused=False),
    "template-include-absolute": Case(_template('{% include "/etc/passwd" %}\n'),
                                      refused=False),
    "template-include-parent": Case(_template('{% include "../safecheck.yaml" %}\n'),
                                    refused=False),
}
BAD_TEMPLATES = {name for name in CASES if name.startswith("template-")}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed ledger with one good hazard, copied for every case."""
    os.environ.setdefault("SAFECHECK_TODAY", "2026-11-21")
    repo = make_repo(tmp_path_factory.mktemp("hostile") / "ledger", locale="en")
    repo.new_hazard()
    repo.commit("登记隐患", "2026-11-16T10:00:00+08:00")
    return repo.path


def _files(root: Path) -> dict[str, bytes | str]:
    """Everything in the work tree (links as their targets), to prove nothing changed."""
    found: dict[str, bytes | str] = {}
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in [*names, *dirs]:
            path = Path(folder) / name
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = "-> " + str(path.readlink())
            elif path.is_file():
                found[key] = path.read_bytes()
            elif not path.is_dir():
                found[key] = "special"
    return found


def _no_crash(result: Result, command: str) -> None:
    where = f"{command}: exit {result.code}\n{result.err}"
    assert result.code in (0, 1, 2), where
    assert "Traceback" not in result.err + result.out, where
    assert len(result.err.strip().splitlines()) <= 1, where
    for char in CONTROL:
        assert char not in result.out + result.err, f"{command} printed {char!r}"
    assert "hunter2" not in result.out + result.err, f"{command} printed a file outside"
    assert "root:x:0" not in result.out + result.err, f"{command} printed /etc/passwd"


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile(base: Path, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    repo = SafetyRepo(tmp_path / "ledger")
    shutil.copytree(base, repo.path, symlinks=True)
    first = repo.git("rev-parse", "HEAD").strip()
    case.plant(repo)
    repo.commit(f"hostile: {name}", "2026-11-17T10:00:00+08:00")
    before = _files(repo.path)

    results = {
        "audit": repo.run("audit"),
        "list": repo.run("list"),
        "show": repo.run("show", TARGET),
        "fmt": repo.run("fmt", "--check"),
        "report": repo.run("report", "--week", "2026-W47"),
        "review": repo.run("review", "--base", first),
    }
    for command, result in results.items():
        _no_crash(result, command)
    assert _files(repo.path) == before
    assert not (repo.path / "pwned").exists()

    if name in BAD_TEMPLATES:
        assert results["report"].code == 2, results["report"].err
        assert "templates/" in results["report"].err
        assert results["audit"].code == 0, results["audit"].out
        return
    if case.refused:
        assert results["audit"].code == 1, results["audit"].out
        assert TARGET in results["audit"].out or TARGET_PATH in results["audit"].out
        shown = results["show"]
        assert shown.code == 2 and TARGET_PATH in shown.err, shown.err
        assert case.words.lower() in (shown.err + results["audit"].out).lower(), shown.err
        assert results["list"].code == 0
        assert results["report"].code in (0, 2)
        if case.read_as_record:
            assert "audit" in results["list"].err, "list must say it left a file out"
            if results["report"].code == 0:
                assert "audit" in results["report"].err, "a report must say it left files out"
                assert "could not be read" in results["report"].out
        if name != "fifo":  # git does not commit a FIFO: review has nothing to see
            assert results["review"].code == 1, results["review"].out
    else:
        assert results["audit"].code in (0, 1)
        assert results["list"].err == "", results["list"].err
        if name not in ("symlink-loop",):
            assert results["show"].code == 0, results["show"].err


def test_a_hostile_title_is_shown_escaped(repo: SafetyRepo) -> None:
    """A title that the model refuses can still be read: shown escaped, never raw."""
    hazard = repo.new_hazard()
    path = repo.record_path(hazard)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: 三号泵站集水井入口无警示标志",
                                 'title: "\\e]0;pwned\\a三号泵站"'), encoding="utf-8")
    audit = repo.run("audit")
    assert audit.code == 1
    assert "\x1b" not in audit.out and "U+001B" in audit.out


def test_git_environment_is_ignored(repo: SafetyRepo, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """With GIT_WORK_TREE or GIT_DIR set (as in a git hook), review still sees the repo."""
    first = repo.git("rev-parse", "HEAD").strip()
    hazard = repo.new_hazard()
    path = repo.record_path(hazard)
    repo.commit("登记隐患")
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-28", "2027-11-28"),
                    encoding="utf-8")
    repo.commit("悄悄推迟整改期限")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run(["git", "init", "-q", str(elsewhere)], check=True)
    monkeypatch.setenv("GIT_WORK_TREE", str(elsewhere))
    monkeypatch.setenv("GIT_DIR", str(elsewhere / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(elsewhere / ".git" / "index"))
    review = repo.run("review", "--base", first)
    assert review.code == 1 and "deadline" in review.out, review.out + review.err
