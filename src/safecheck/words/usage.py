"""Words of the command line itself: what was typed wrong (cli/usage.py turns Typer's
usage errors into these)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "usage.no_such_option": ("没有选项 {option}", "no such option: {option}"),
    "usage.no_such_option_hint": ("没有选项 {option}（是否想用：{possible}）",
                                  "no such option: {option} (did you mean {possible}?)"),
    "usage.needs_value": ("选项 {option} 后面须给出一个值", "option {option} requires a value"),
    "usage.needs_values": ("选项 {option} 后面须给出 {count} 个值", "option {option} requires "
                           "{count} values"),
    "usage.takes_no_value": ("选项 {option} 不接受值", "option {option} does not take a value"),
    "usage.missing_option": ("缺少选项 {name}", "missing option {name}"),
    "usage.missing_argument": ("缺少参数 {name}", "missing argument {name}"),
    "usage.bad_value": ("{name} 的值无效：{problem}", "invalid value for {name}: {problem}"),
    "usage.extra_args": ("多余的参数：{args}", "unexpected extra argument(s): {args}"),
    "usage.no_such_command": ("没有命令“{name}”", "no such command '{name}'"),
    "usage.no_such_command_hint": ("没有命令“{name}”（是否想用：{possible}）",
                                   "no such command '{name}' (did you mean {possible}?)"),
    "usage.missing_command": ("缺少命令", "missing command"),
    "usage.path_missing": ("“{path}”不存在", "'{path}' does not exist"),
    "usage.path_is_dir": ("“{path}”是文件夹，不是文件", "'{path}' is a folder, not a file"),
    "usage.path_is_file": ("“{path}”是文件，不是文件夹", "'{path}' is a file, not a folder"),
    "usage.path_unreadable": ("“{path}”无法读取", "'{path}' is not readable"),
    "usage.path_unwritable": ("“{path}”无法写入", "'{path}' is not writable"),
    "usage.not_iterable": ("须给出一个或多个值", "give one or more values"),
}
