"""Entry point: run the Typer app and turn every outcome into one exit code.

0 all good, 1 findings, 2 bad input or data (one line on stderr), 3 a bug (traceback).
The language of every message is picked here, once: the ledger's ``locale`` (found from
--repo or the working folder upward), else ``LANG``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from safecheck import i18n
from safecheck.cli import completion
from safecheck.errors import EXIT_BUG, EXIT_INPUT, SafecheckError

_LOCALE_LINE = re.compile(rb"^locale:[ \t]*['\"]?(zh|en)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def _say(message: str) -> None:
    print(f"{i18n.text('error.prefix')}{' '.join(message.split())}", file=sys.stderr)


def _repo_option(args: Sequence[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--repo" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--repo="):
            return arg.split("=", 1)[1]
        if not arg.startswith("-"):
            return None  # global options come before the command
    return None


def _command(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """The command named in ``args`` and the arguments after it."""
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--repo":
            skip = True
        elif not arg.startswith("-"):
            return arg, list(args[i + 1:])
    return None, []


def _init_target(rest: Sequence[str]) -> tuple[str | None, str | None]:
    """``init``'s --lang and folder: a new ledger speaks its own language at once."""
    lang = folder = None
    takes_value = {"--org", "--unit", "--lang", "--base-branch", "--ci", "--install"}
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg in takes_value and i + 1 < len(rest):
            if arg == "--lang":
                lang = rest[i + 1]
            i += 2
            continue
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        elif not arg.startswith("-") and folder is None:
            folder = arg
        i += 1
    return (lang if lang in ("zh", "en") else None), folder


def detect_locale(args: Sequence[str], environ: dict[str, str] | os._Environ[str]) -> str:
    """The ledger's locale (read from its safecheck.yaml without parsing YAML, so help
    and errors are in the right language before anything is loaded), else LANG.

    ``init`` speaks the language it is given (--lang), else that of the folder it lays
    out."""
    where = _repo_option(args)
    command, rest = _command(args)
    if command == "init":
        given, target = _init_target(rest)
        if given is not None:
            return given
        where = target or where
    start = Path(where or ".")
    try:
        folder = start.resolve()
        for candidate in (folder, *folder.parents):
            settings = candidate / "safecheck.yaml"
            if settings.is_file():
                with open(settings, "rb") as handle:
                    match = _LOCALE_LINE.search(handle.read(64 * 1024))
                return match.group(1).decode() if match else "zh"
    except OSError:
        pass
    env = environ.get("LC_ALL") or environ.get("LC_MESSAGES") or environ.get("LANG") or ""
    return "zh" if env.lower().startswith("zh") else "en"


class _OutputFailed(Exception):
    """Writing the results failed: the reader went away, the disk is full, or there is
    no standard output at all."""

    def __init__(self, reason: OSError | None) -> None:
        super().__init__(reason)
        self.reason = reason


class _GuardedStream:
    """Standard output that turns a failed write into :class:`_OutputFailed`, so that
    ``| head``, ``> /dev/full`` or ``>&-`` end in one line, never in a traceback."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def _call(self, name: str, *args: Any) -> Any:
        if self._stream is None:
            raise _OutputFailed(None)
        try:
            return getattr(self._stream, name)(*args)
        except OSError as exc:  # BrokenPipeError included
            raise _OutputFailed(exc) from None
        except ValueError as exc:  # "I/O operation on closed file"
            raise _OutputFailed(None) from exc

    def write(self, text: str) -> int:
        return int(self._call("write", text))

    def flush(self) -> None:
        self._call("flush")

    def isatty(self) -> bool:
        try:
            return bool(self._stream is not None and self._stream.isatty())
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise _OutputFailed(None)
        return getattr(self._stream, name)


def _output_failed(exc: _OutputFailed) -> int:
    """A closed pipe is the reader's choice: quiet. Anything else: one line. Both exit 2:
    the output did not arrive, so the run cannot say it succeeded (a gate piped into
    ``head`` must not pass because its reader left)."""
    if isinstance(exc.reason, BrokenPipeError):
        try:  # keep Python from complaining at exit about the pipe it cannot flush
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        except (OSError, ValueError):
            pass
        return EXIT_INPUT
    reason: object = i18n.Msg("output.closed")
    if exc.reason is not None:
        from safecheck.errors import os_reason

        reason = os_reason(exc.reason)
    _say(i18n.render(i18n.Msg("output.failed", reason=reason)))
    return EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run safecheck with ``argv`` (default: sys.argv) and return the exit code."""
    args = list(argv) if argv is not None else sys.argv[1:]
    stdout = sys.stdout
    sys.stdout = _GuardedStream(stdout)
    previous = i18n.current()
    try:
        if args == ["--version"]:  # answer before building every command's parser
            from safecheck import __version__

            print(f"safecheck {__version__}")
            sys.stdout.flush()
            return 0
        i18n.use(detect_locale(args, os.environ))
        code = _run(args)
        sys.stdout.flush()
        return code
    except _OutputFailed as exc:
        return _output_failed(exc)
    finally:
        sys.stdout = stdout
        i18n.use(previous)  # a run in a test process leaves the caller's language alone


def run() -> None:
    """The console script: :func:`main`, then out of the process without tearing the
    interpreter down. Everything has been written and flushed by then (files are written
    whole and renamed into place, locks go with the process); freeing a large ledger's
    hundreds of thousands of objects one by one would only make the shell wait (0.1 to
    0.3 s at 100,000 records). Tests call :func:`main` and keep their process."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed: main has said so
            stream.flush()
    os._exit(code)


def _run(args: list[str]) -> int:
    import typer
    from typer._click import exceptions as click_errors

    from safecheck.cli.app import app

    command = typer.main.get_command(app)
    if completion.requested():  # the shell asks what TAB offers: answer and exit
        completion.prepare(command)
    try:
        result = command.main(args=args,
                              prog_name="safecheck", standalone_mode=False)
    except SafecheckError as exc:
        _say(exc.message)
        return exc.exit_code
    except click_errors.NoArgsIsHelpError as exc:  # bare `safecheck`: the help, as asked
        print(exc.ctx.get_help())
        return 0
    except click_errors.UsageError as exc:  # unknown option, bad value, missing argument ...
        from safecheck.cli.usage import usage_message

        hint = ""
        if exc.ctx is not None:
            hint = i18n.text("error.see_help", command=exc.ctx.command_path)
        _say(i18n.render(usage_message(exc)) + hint)
        return EXIT_INPUT
    except typer.TyperException as exc:  # anything else Typer says no to
        _say(exc.format_message())
        return EXIT_INPUT if exc.exit_code == 2 else exc.exit_code
    except typer.Abort:
        print(file=sys.stderr)
        _say(i18n.text("error.aborted"))
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(file=sys.stderr)
        _say(i18n.text("error.interrupted"))
        return 130
    except _OutputFailed:
        raise
    except Exception:
        traceback.print_exc()
        print(i18n.text("error.bug"), file=sys.stderr)
        return EXIT_BUG
    if result == 130:  # Typer turns Ctrl-C into Exit(130) before we see it
        print(file=sys.stderr)
        _say(i18n.text("error.interrupted"))
    return result if isinstance(result, int) else 0
