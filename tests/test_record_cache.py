"""The record cache behind audit and list: a warm run parses nothing that did not change,
and it never lies — a changed file, setting, checklist, version of the code or day, a
corrupt cache file: each gives exactly what a run without any cache gives."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from helpers import run
from safecheck import layout, record_index

AS_OF = "2026-11-27"
RECORD = "records/SW/2026/SW-20261104-D6QA.yaml"  # closed, self-inspection, no root cause


def age(root: Path) -> None:
    """Every file under records/ a minute old: old enough to be cached."""
    past = time.time() - 60
    for path in (root / "records").rglob("*.yaml"):
        os.utime(path, (past, past))


@pytest.fixture
def ledger(tmp_path: Path, example_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example ledger in its own git repository, its records aged. Files
    count as settled at once: their change times (which nothing can age) are recent."""
    monkeypatch.setattr(record_index, "RACY_SECONDS", 0)
    monkeypatch.setattr(layout, "_RACY_NS", 0)
    root = tmp_path / "ledger"
    root.mkdir()
    shutil.copy(example_root / "safecheck.yaml", root)
    for name in ("records", "checklists"):
        shutil.copytree(example_root / name, root / name)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    age(root)
    return root


def audit(root: Path, as_of: str = AS_OF) -> dict[str, object]:
    result = run("audit", "--format", "json", "--as-of", as_of, cwd=root)
    assert result.code in (0, 1), result.err
    return dict(json.loads(result.out))


def listing(root: Path, *args: str) -> str:
    result = run("list", "--as-of", AS_OF, *args, cwd=root)
    assert result.code == 0, result.err
    return result.out


def cold(monkeypatch: pytest.MonkeyPatch, ask: object, *args: str) -> object:
    """What ``ask(*args)`` gives with no cache at all."""
    with monkeypatch.context() as patch:
        patch.setenv("SAFECHECK_NO_CACHE", "1")
        return ask(*args)  # type: ignore[operator]


def count_examined(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The records parsed and validated from now on."""
    seen: list[str] = []
    examine = record_index._examine

    def counting(context: object, relpath: str) -> object:
        seen.append(relpath)
        return examine(context, relpath)  # type: ignore[arg-type]

    monkeypatch.setattr(record_index, "_examine", counting)
    return seen


def cache_file(root: Path) -> Path:
    return root / ".git" / "safecheck" / record_index.CACHE_FILE


def test_a_warm_audit_parses_nothing_and_finds_what_a_cold_one_finds(
        ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = cold(monkeypatch, audit, ledger)
    rows = cold(monkeypatch, listing, ledger, "--format", "csv")
    assert audit(ledger) == expected
    assert cache_file(ledger).is_file()
    seen = count_examined(monkeypatch)
    assert audit(ledger) == expected
    assert listing(ledger, "--format", "csv") == rows
    assert seen == []


def test_list_from_summaries_is_list_from_records(ledger: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for args in (("--format", "json"), ("--status", "rectifying", "--format", "csv"),
                 ("--due-within", "5", "--format", "csv"), ("--overdue",),
                 ("--responsible", "王强", "--format", "json")):
        expected = cold(monkeypatch, listing, ledger, *args)
        assert listing(ledger, *args) == expected
        assert listing(ledger, *args) == expected


def test_a_same_size_edit_with_the_old_mtime_is_seen(ledger: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = ledger / "records/SW/2026/SW-20261116-ZJ5D.yaml"
    if not path.exists():  # any rectifying record with a responsible person will do
        path = next(p for p in sorted((ledger / "records").rglob("*.yaml"))
                    if "responsible:" in p.read_text(encoding="utf-8"))
    listing(ledger, "--format", "csv")  # warm
    text = path.read_text(encoding="utf-8")
    person = text.split("person: ", 1)[1].split("\n", 1)[0]
    other = "赵刚" if person != "赵刚" else "王强"
    assert len(other.encode()) == len(person.encode())
    before = path.stat()
    with open(path, "r+", encoding="utf-8") as handle:  # same inode, same size
        handle.write(text.replace(f"person: {person}", f"person: {other}", 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old mtime
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size, before.st_mtime_ns, before.st_ino)
    out = listing(ledger, "--format", "csv")
    assert other in out
    assert out == cold(monkeypatch, listing, ledger, "--format", "csv")


def test_a_file_changed_in_the_last_two_seconds_is_not_cached(
        ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_index, "RACY_SECONDS", 2)
    age(ledger)  # a minute old, but just changed (utime sets the change time)
    path = ledger / RECORD
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # mtime: now
    audit(ledger)
    assert not cache_file(ledger).exists()  # nothing settled: nothing to keep
    monkeypatch.setattr(record_index, "RACY_SECONDS", 0)
    audit(ledger)
    _, entries = marshal.loads(cache_file(ledger).read_bytes())  # noqa: S302 - ours
    assert RECORD in entries


def test_an_edit_is_seen_at_once(ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    audit(ledger)
    path = ledger / RECORD
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: closed", "status: verifying"), encoding="utf-8")
    assert audit(ledger) == cold(monkeypatch, audit, ledger)


def test_another_version_of_the_code_parses_everything_again(
        ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = audit(ledger)
    seen = count_examined(monkeypatch)
    assert audit(ledger) == expected and seen == []
    monkeypatch.setattr(record_index, "_code_stamp", lambda: "another version")
    assert audit(ledger) == expected
    assert RECORD in seen and len(seen) == expected["summary"]["records"]  # type: ignore


def test_a_settings_change_that_changes_findings_is_seen(
        ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = audit(ledger)
    settings = ledger / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        + "rules:\n  root-cause-sources:\n  - self-inspection\n",
                        encoding="utf-8")
    after = audit(ledger)
    assert after != before and "root-cause" in after["summary"]["by_rule"]  # type: ignore
    assert after == cold(monkeypatch, audit, ledger)


def test_a_new_checklist_is_seen(ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = ledger / RECORD
    text = path.read_text(encoding="utf-8")
    domain = text.split("\ndomain: ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(f"\ndomain: {domain}\n", "\ndomain: forklifts\n"),
                    encoding="utf-8")
    age(ledger)
    unknown = audit(ledger)
    assert "invalid" in unknown["summary"]["by_rule"]  # type: ignore[index]
    checklist = (ledger / "checklists" / "rental-housing.yaml").read_text(encoding="utf-8")
    (ledger / "checklists" / "forklifts.yaml").write_text(
        checklist.replace("id: rental-housing", "id: forklifts"), encoding="utf-8")
    known = audit(ledger)
    assert "invalid" not in known["summary"]["by_rule"]  # type: ignore[index]
    assert known == cold(monkeypatch, audit, ledger)


def test_today_is_never_cached(ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = {}
    for day in ("2026-11-27", "2026-12-31", "2026-11-03", "2027-06-01"):
        results[day] = audit(ledger, day)
        assert results[day] == cold(monkeypatch, audit, ledger, day)
    assert len({json.dumps(r, sort_keys=True) for r in results.values()}) == 4
    assert "future-date" in results["2026-11-03"]["summary"]["by_rule"]  # type: ignore
    assert "overdue" in results["2027-06-01"]["summary"]["by_rule"]  # type: ignore


def test_a_corrupt_cache_is_ignored_and_rebuilt(ledger: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    expected = audit(ledger)
    file = cache_file(ledger)
    file.write_bytes(b"\x00garbage")
    assert audit(ledger) == expected
    tag, entries = marshal.loads(file.read_bytes())  # noqa: S302 - rebuilt
    assert RECORD in entries
    # Well-formed marshal data of the wrong shape, under the right tag: every entry
    # broken a different way.
    broken = {}
    for n, (relpath, entry) in enumerate(sorted(entries.items())):
        signature = entry[0]
        summary = entry[1]
        fields = summary.split("\x1f")
        flag = [*fields[:13], "2", *fields[14:]]  # a flag neither 0 nor 1
        number = [*fields[:9], "nine", *fields[10:]]  # found_on not a number
        broken[relpath] = [(signature, "junk", (), ()), (signature,),
                           (signature, ("x",) * 3, (), ()),
                           (signature, summary, (("?",),), ()),
                           (signature, summary, (), (("overdue",),)),
                           "nothing",
                           (signature, summary + "\x1fmore", (), ()),
                           (signature, "\x1f".join(flag), (), ()),
                           (signature, "\x1f".join(number), (), ()),
                           (signature, summary, (), (("overdue", "error", ("M",)),))][n % 10]
    file.write_bytes(marshal.dumps((tag, broken)))
    seen = count_examined(monkeypatch)
    assert audit(ledger) == expected
    assert len(seen) == len(entries)
    # And the folders' listings: each of another shape, or naming entries of no kind.
    # (A well-formed listing that lies cannot be told from a true one: the cache lives in
    # .git, as trusted as the hooks there.)
    folders = ledger / ".git" / "safecheck" / "folders.marshal"
    tag, listed = marshal.loads(folders.read_bytes())  # noqa: S302 - ours
    assert listed
    wrong = {}
    for n, (record, value) in enumerate(sorted(listed.items())):
        wrong[record] = [("sig", ()), value + "\x1fxnotes.txt",
                         value.replace("\x1ff", "\x1fq")][n % 3]
    folders.write_bytes(marshal.dumps((tag, wrong)))
    assert audit(ledger) == expected


def age_folders(root: Path) -> None:
    """Every folder under records/ a minute old, as if nothing had changed lately."""
    past = time.time() - 60
    for path in (root / "records").rglob("*"):
        if path.is_dir():
            os.utime(path, (past, past))


@pytest.mark.parametrize("apart", [False, True], ids=["in-line", "survey-apart"])
@pytest.mark.parametrize("change", ["stray", "removed", "renamed", "symlink", "named"])
def test_a_changed_document_folder_is_seen(ledger: Path, monkeypatch: pytest.MonkeyPatch,
                                           change: str, apart: bool) -> None:
    """A folder remembered (as listed, or as holding exactly its record's documents)
    is read again when it or its record changes, whether the survey runs in the audit's
    process or beside it in a forked one (which saves what it learnt)."""
    from safecheck import folder_survey

    monkeypatch.setattr(folder_survey, "SURVEY_APART_FROM", 0 if apart else 10**9)
    folder = ledger / RECORD.removesuffix(".yaml")
    age_folders(ledger)
    before = audit(ledger)
    audit(ledger)  # the folders remembered
    remembered = ledger / ".git" / "safecheck" / "folders.marshal"
    assert remembered.is_file()
    _, listed = marshal.loads(remembered.read_bytes())  # noqa: S302 - ours
    assert any("\x1f=" in entry for entry in listed.values()), "complete folders kept"
    stamp = folder.stat()
    document = sorted(folder.iterdir())[0]
    if change == "named":  # the record names another file; the folder is as it was
        record = ledger / RECORD
        text = record.read_text(encoding="utf-8")
        assert document.name in text
        record.write_text(text.replace(document.name, f"x{document.name}"), encoding="utf-8")
    elif change == "stray":
        (folder / "notes.txt").write_text("x", encoding="utf-8")
    elif change == "removed":
        document.unlink()
    elif change == "renamed":
        document.rename(folder / f"x{document.name}")
    else:
        document.unlink()
        document.symlink_to(ledger / "safecheck.yaml")
    if change != "named":  # (which leaves the folder as it was, ctime too)
        os.utime(folder, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # the old mtime back
    after = audit(ledger)
    assert after != before
    assert after == cold(monkeypatch, audit, ledger)


def test_long_tables_are_written_row_by_row_as_rich_lays_them_out(
        ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few hundred rows, list and audit lay their tables out themselves, row by
    row: at the width of a pipe, exactly as rich would (narrower, columns may differ)."""
    from safecheck.output import long_table
    from safecheck.output import records as records_output

    short_list = listing(ledger)
    short_audit = run("audit", "--as-of", AS_OF, cwd=ledger).out
    monkeypatch.setattr(records_output, "STREAM_FROM", 0)
    monkeypatch.setattr(long_table, "STREAM_FROM", 0)  # (audit reads it when it prints)
    assert listing(ledger) == short_list
    assert run("audit", "--as-of", AS_OF, cwd=ledger).out == short_audit
    assert short_list.startswith("┏") and "┡" in short_list


def test_a_job_in_the_background_gives_what_it_gives_in_line(tmp_path: Path) -> None:
    """parallel.in_background: the forked process's result; when it fails, the job is
    run in the caller's process instead; nothing it changes in memory comes back."""
    from safecheck import parallel

    seen: list[int] = []

    def job() -> tuple[int, list[str]]:
        seen.append(1)
        return 42, ["甲", "b"]

    assert parallel.in_background(job)() == (42, ["甲", "b"])
    assert seen == []  # it ran in another process
    marker = tmp_path / "failed-once"

    def fails_in_the_child() -> str:
        if not marker.exists():
            marker.write_text("x", encoding="utf-8")
            raise RuntimeError("boom")
        return "done here"

    assert parallel.in_background(fails_in_the_child)() == "done here"
    assert marker.exists()


def test_the_early_survey_redoes_folders_of_records_the_cache_could_not_vouch_for(
        ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a warm ledger the survey starts from what the cache says each record names,
    before the index is finished; a record the cache turns out not to know (an entry
    that does not decode, naming another file) has its folder surveyed again from the
    record itself, and one changed since is surveyed from its new version."""
    from safecheck import folder_survey

    monkeypatch.setattr(folder_survey, "SURVEY_APART_FROM", 0)
    age_folders(ledger)
    expected = cold(monkeypatch, audit, ledger)
    audit(ledger)
    assert audit(ledger) == expected  # warm: the early survey
    file = cache_file(ledger)
    tag, entries = marshal.loads(file.read_bytes())  # noqa: S302 - ours
    signature, summary, problems, findings = entries[RECORD]
    fields = summary.split("\x1f")
    fields[13] = "2"          # unusable: the record is examined again
    fields[20] = "other.pdf"  # and what the entry says it names is not what it names
    entries[RECORD] = (signature, "\x1f".join(fields), problems, findings)
    file.write_bytes(marshal.dumps((tag, entries)))
    assert audit(ledger) == expected
    record = ledger / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace(
        "drill-record.pdf", "drill.pdf"), encoding="utf-8")
    assert audit(ledger) == cold(monkeypatch, audit, ledger) != expected


def test_the_early_survey_is_redone_when_its_scan_saw_other_files(
        ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The forked survey scans the record files for itself; when its scan and the
    audit's do not match (a file changed between them), its findings are not used."""
    from safecheck import folder_survey
    from safecheck.record_index import IndexScan

    monkeypatch.setattr(folder_survey, "SURVEY_APART_FROM", 0)
    expected = cold(monkeypatch, audit, ledger)
    audit(ledger)
    # What a survey would make of records naming other files than they do.
    monkeypatch.setattr(IndexScan, "documents",
                        lambda self: {r: "other.pdf" for r, e in self.known if e})
    misled = audit(ledger)
    assert misled != expected  # the forked survey's findings are used when scans agree
    monkeypatch.setattr(IndexScan, "basis", lambda self: str(os.getpid()))
    assert audit(ledger) == expected  # the scans disagree: surveyed again from the index


@pytest.mark.parametrize("name", ["SW-20261104-D6QA.json", ".SW-20261104-D6QA.yaml",
                                  "SW-20261104-D6QA.yml", "SW-20261104-D6QA.yaml~"])
def test_a_file_named_like_a_record_beside_it_is_reported(
        ledger: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The survey passes over records in their place quickly; a file that only shares a
    record's name is still reported, by the survey in a process of its own too."""
    from safecheck import folder_survey

    monkeypatch.setattr(folder_survey, "SURVEY_APART_FROM", 0)
    audit(ledger)
    stray = ledger / "records" / "SW" / "2026" / name
    stray.write_text("x", encoding="utf-8")
    for _ in ("cold folders", "warm folders"):
        paths = [f["path"] for f in audit(ledger)["findings"]  # type: ignore[attr-defined]
                 if f["rule"] == "unexpected-path"]
        assert paths == [f"records/SW/2026/{name}"]
