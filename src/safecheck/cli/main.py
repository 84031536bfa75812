"""Entry point: run the Typer app and turn every outcome into one exit code.

0 all good, 1 findings, 2 bad input or data (one line on stderr), 3 a bug (traceback).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence

from safecheck.errors import EXIT_BUG, EXIT_INPUT, SafecheckError


def _say(message: str) -> None:
    print(f"safecheck: error: {' '.join(message.split())}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run safecheck with ``argv`` (default: sys.argv) and return the exit code."""
    args = list(argv) if argv is not None else sys.argv[1:]
    if args == ["--version"]:  # answer before building every command's parser
        from safecheck import __version__

        print(f"safecheck {__version__}")
        return 0
    import typer

    from safecheck.cli.app import app

    command = typer.main.get_command(app)
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
            hint = f" (see '{context.command_path} --help')"
        _say(exc.format_message().replace("Value error, ", "") + hint)
        return EXIT_INPUT if exc.exit_code == 2 else exc.exit_code
    except typer.Abort:
        print(file=sys.stderr)
        _say("aborted; nothing was written")
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(file=sys.stderr)
        _say("interrupted; nothing was written")
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        traceback.print_exc()
        print("safecheck: this is a bug; please report it with the traceback above",
              file=sys.stderr)
        return EXIT_BUG
    return result if isinstance(result, int) else 0
