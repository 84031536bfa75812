"""Writing files so that nothing is half-written and nothing is overwritten by surprise.

Every write goes to a temporary file in the same folder, is flushed to disk, then takes
its place in one rename. A new file is linked into place, which fails if the name was
taken meanwhile; an existing file is replaced only if it still holds what was read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from safecheck.errors import ConflictError, SafecheckError, os_reason
from safecheck.i18n import Msg


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Temporary files carry the writer's process ID, so a later writer can tell the ones
#: a killed process left behind (see safecheck.journal).
_TEMP_MARK = ".safecheck-"
_TEMP_NAME = re.compile(r"^\..*\.safecheck-([0-9]+)-[^/]*\.tmp$")


def _temp_beside(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp",
                                prefix=f".{path.name}{_TEMP_MARK}{os.getpid()}-")
    os.close(fd)
    os.chmod(name, 0o666 & ~_umask())  # mkstemp makes 0600; files in a repo are shared
    return Path(name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def stale_temporaries(folder: Path) -> list[Path]:
    """safecheck's temporary files in ``folder`` whose writer is no longer running."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        match = _TEMP_NAME.match(name)
        if match and not _alive(int(match.group(1))):
            found.append(folder / name)
    return sorted(found)


@contextlib.contextmanager
def _reporting(path: Path) -> Iterator[None]:
    """A full disk or a read-only folder is the environment, not a bug: one line, exit 2."""
    try:
        yield
    except SafecheckError:
        raise
    except OSError as exc:
        raise SafecheckError(Msg("write.cannot_write", path=str(path),
                                  reason=os_reason(exc))) from None


def _link_new(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError:
        raise ConflictError(Msg("write.exists", path=str(path))) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
            raise
        # Filesystems without hard links: check, then rename (a tiny window remains).
        if path.exists():
            raise ConflictError(Msg("write.exists", path=str(path))) from None
        os.replace(temp, path)


def write_text(path: Path, text: str, *, expected: str | None) -> None:
    """Write ``text`` to ``path`` atomically.

    ``expected`` is what the caller read from ``path`` (None: the file must not exist).
    If the file changed since then, raise ConflictError and leave it alone.
    """
    with _reporting(path):
        _write_text(path, text, expected)


def _write_text(path: Path, text: str, expected: str | None) -> None:
    temp = _temp_beside(path)
    try:
        with open(temp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if expected is None:
            _link_new(temp, path)
        else:
            try:
                current = path.read_bytes().decode("utf-8-sig", errors="replace")
            except FileNotFoundError:
                raise ConflictError(Msg("write.removed", path=str(path))) from None
            if current != expected:
                raise ConflictError(Msg("write.changed", path=str(path)))
            shutil.copymode(path, temp)
            os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def replace_bytes(path: Path, data: bytes) -> None:
    """Write an output file the user asked for (an export) in one rename; a device, FIFO
    or terminal the user named (``-o /dev/stdout``) is written into, never replaced."""
    with _reporting(path):
        try:
            mode: int | None = path.stat().st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and stat.S_ISDIR(mode):
            raise SafecheckError(Msg("write.is_directory", path=str(path)))
        if mode is not None and not stat.S_ISREG(mode):
            with open(path, "wb") as handle:
                handle.write(data)
            return
        temp = _temp_beside(path)
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def copy_new(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically; ``target`` must not exist yet."""
    with _reporting(target):
        temp = _temp_beside(target)
        try:
            try:
                shutil.copyfile(source, temp)
            except OSError as exc:
                raise SafecheckError(Msg("write.cannot_copy", path=str(source),
                                          reason=os_reason(exc))) from None
            _link_new(temp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


@contextlib.contextmanager
def exclusive(lock_file: Path, timeout: float, busy: SafecheckError) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` for a read-modify-write.

    A second writer polls for up to ``timeout`` seconds, then raises ``busy``. The lock
    is the kernel's (``flock``): it dies with its process, so a killed writer never
    leaves the ledger locked.
    """
    import fcntl
    import time

    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_file, "a+b")  # noqa: SIM115 - held for the whole block
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise busy from None
                time.sleep(0.05)
        yield
    finally:
        handle.close()  # closing releases the lock
