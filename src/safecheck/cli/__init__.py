"""The command line: Typer commands that parse options, call one core function and hand
the result to the output layer. Only this package and safecheck.output import typer/rich."""
