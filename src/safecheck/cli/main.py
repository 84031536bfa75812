"""Entry point: run the Typer app and turn every outcome into one exit code.

0 all good, 1 findings, 2 bad input or data (one line on stderr), 3 a bug (traceback).
The language of every message is picked here, once: the ledger's ``locale`` (found from
--repo or the working folder upward), else ``LANG``.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

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


def detect_locale(args: Sequence[str], environ: dict[str, str] | os._Environ[str]) -> str:
    """The ledger's locale (read from its safecheck.yaml without parsing YAML, so help
    and errors are in the right language before anything is loaded), else LANG."""
    start = Path(_repo_option(args) or ".")
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
    lang = environ.get("LC_ALL") or environ.get("LC_MESSAGES") or environ.get("LANG") or ""
    return "zh" if lang.lower().startswith("zh") else "en"


def main(argv: Sequence[str] | None = None) -> int:
    """Run safecheck with ``argv`` (default: sys.argv) and return the exit code."""
    args = list(argv) if argv is not None else sys.argv[1:]
    if args == ["--version"]:  # answer before building every command's parser
        from safecheck import __version__

        print(f"safecheck {__version__}")
        return 0
    i18n.use(detect_locale(args, os.environ))
    import typer

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
    except typer.TyperException as exc:  # usage errors: unknown option, bad value ...
        hint = ""
        context = getattr(exc, "ctx", None)
        if context is not None:
            hint = i18n.text("error.see_help", command=context.command_path)
        _say(exc.format_message().replace("Value error, ", "") + hint)
        return EXIT_INPUT if exc.exit_code == 2 else exc.exit_code
    except typer.Abort:
        print(file=sys.stderr)
        _say(i18n.text("error.aborted"))
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(file=sys.stderr)
        _say(i18n.text("error.interrupted"))
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        traceback.print_exc()
        print(i18n.text("error.bug"), file=sys.stderr)
        return EXIT_BUG
    if result == 130:  # Typer turns Ctrl-C into Exit(130) before we see it
        print(file=sys.stderr)
        _say(i18n.text("error.interrupted"))
    return result if isinstance(result, int) else 0
