"""The only module that imports yaml: safe C loading, canonical dumping, error lines.

Reading is strict on purpose. Records are data that people review in git, so the loader
refuses what makes YAML surprising: aliases (and so alias bombs), merge-conflict markers,
files too large to be a record, and YAML 1.1 guesses that turn ``no`` into False or
``10:30`` into 630. Dates stay strings here; the models parse them.

Writing is canonical: block style, keys in the order given, literal blocks for multi-line
text, UTF-8 unescaped, no line folding, so ``dump(load(text)) == text`` for any file the
tool wrote and a git diff shows only what really changed.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from safecheck.errors import DataError, Problem, os_reason
from safecheck.i18n import Msg

if not getattr(yaml, "__with_libyaml__", False):  # pragma: no cover - install problem
    raise ImportError("safecheck needs PyYAML built with libyaml (yaml.CSafeLoader)")

#: A hazard record is about 1 KB; anything this big is a mistake or an attack.
MAX_FILE_BYTES = 1024 * 1024

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_CONFLICT_RE = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


def _without(resolvers: dict[Any, list[tuple[str, Any]]], tags: set[str]) -> dict[Any, Any]:
    return {
        first: [(tag, rx) for tag, rx in entries if tag not in tags]
        for first, entries in resolvers.items()
    }


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A key given twice in one mapping (the message is rendered by the caller)."""

    def __init__(self, key: str, mark: yaml.Mark | None) -> None:
        super().__init__(None, None, f"duplicate key '{key}'", mark)
        self.key = key


class _Refused(yaml.constructor.ConstructorError):
    """YAML that is valid but that no record uses: a tag, or a key that is not text."""

    def __init__(self, message: Msg, mark: yaml.Mark | None) -> None:
        super().__init__(None, None, "refused", mark)
        self.message = message


#: The only node types a record holds. An explicit tag (``!!timestamp``, ``!!binary``,
#: ``!!set``, ``!!python/...``) would build a value no model expects, or one the parallel
#: parser cannot pass between processes: refused wherever it is.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}"
                        for name in ("str", "int", "float", "bool", "null", "map", "seq"))
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class _Loader(yaml.CSafeLoader):
    """CSafeLoader with YAML 1.2-like scalars (true/false only, decimal ints, no dates)
    that refuses a key given twice in any mapping, at any depth, quoted or not: PyYAML
    would keep the last one silently, and in a ledger that hides a bad merge or a second
    ``deadline:`` under the first. Keys must be text and tags the plain ones."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise _Refused(Msg("yaml.tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")),
                           node.start_mark)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # (!!map on a list or text): say so
            return super().construct_mapping(node, deep=deep)
        _check_keys(node)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def _check_keys(node: yaml.Node) -> None:
    """Every key of a mapping is text, and none is given twice."""
    seen: set[str] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
            raise _Refused(Msg("yaml.key_not_text"), key_node.start_mark)
        if key_node.value in seen:
            raise _DuplicateKey(key_node.value, key_node.start_mark)
        seen.add(key_node.value)


_Loader.yaml_implicit_resolvers = _without(
    yaml.CSafeLoader.yaml_implicit_resolvers, {_BOOL_TAG, _INT_TAG, _TIMESTAMP_TAG, _MERGE_TAG}
)
_Loader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(_INT_TAG, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))


# The composer asks for every node's tag: answered from the resolvers above, grouped by
# first character once, rather than by PyYAML's general resolve (a tenth of a load).
_WILDCARD = tuple(_Loader.yaml_implicit_resolvers.get(None, []))
_RESOLVERS = {first: tuple(entries) + _WILDCARD
              for first, entries in _Loader.yaml_implicit_resolvers.items() if first is not None}


def _resolve(self: _Loader, kind: type[yaml.Node], value: str,
             implicit: tuple[bool, bool]) -> str:
    if kind is yaml.ScalarNode:
        if implicit[0]:  # plain: what it looks like decides
            for tag, pattern in _RESOLVERS.get(value[:1], _WILDCARD):
                if pattern.match(value):
                    return str(tag)
        return _STR_TAG
    return _MAP_TAG if kind is yaml.MappingNode else _SEQ_TAG


_Loader.resolve = _resolve  # type: ignore[assignment,method-assign]
assert not _Loader.yaml_path_resolvers  # (the general resolve would consult them)


def _construct_decimal_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    # YAML 1.1 reads 010 as octal 8 and 09 as an error; people mean ten and nine.
    return int(str(loader.construct_scalar(node)), 10)


_Loader.add_constructor(_INT_TAG, _construct_decimal_int)


_BOOLS = {"true": True, "false": False, "yes": True, "no": False, "on": True, "off": False}
#: No record nests deeper than a few levels; refusing at a fixed depth does not depend on
#: how much stack Python has left.
MAX_DEPTH = 64


class _TooDeep(Exception):
    """A document nested deeper than :data:`MAX_DEPTH`."""


def _build(loader: _Loader, root: yaml.Node) -> Any:
    """The value of a composed document, as _Loader's constructor builds it, built
    directly for text, integers, null, true/false, mappings and lists (PyYAML's generic
    constructor costs as much again as libyaml's parse); anything else (floats, refused
    tags, a tag on a node of another kind) goes through that constructor. Like it, a
    mapping's or list's own entries are built before what is nested in them, level by
    level, so a document with two problems is refused for the same one."""
    value, nested = _start(loader, root)
    level = [(root, value)] if nested else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise _TooDeep
        following: list[tuple[yaml.Node, Any]] = []
        for node, target in level:
            if target is None:  # a map or seq tag on a node of another kind, which the
                # constructor (like its other containers) gets to a level later: it says why
                loader.construct_object(node, deep=True)
                raise ValueError(f"{node.tag} on a {type(node).__name__}")  # (it always does)
            if type(node) is yaml.SequenceNode:
                for item in node.value:
                    built, nested = _start(loader, item)
                    target.append(built)
                    if nested:
                        following.append((item, built))
                continue
            _check_keys(node)  # every key first, as the constructor checks them
            for key_node, value_node in node.value:
                built, nested = _start(loader, value_node)
                target[key_node.value] = built
                if nested:
                    following.append((value_node, built))
        level = following
    return value


def _start(loader: _Loader, node: yaml.Node) -> tuple[Any, bool]:
    """A scalar's value, or an empty mapping or list to be filled (True) later."""
    tag = node.tag
    kind = type(node)
    if tag == _MAP_TAG:
        return ({}, True) if kind is yaml.MappingNode else (None, True)
    if tag == _SEQ_TAG:
        return ([], True) if kind is yaml.SequenceNode else (None, True)
    if kind is yaml.ScalarNode:
        if tag == _STR_TAG:
            return node.value, False
        if tag == _INT_TAG:
            return int(node.value, 10), False
        if tag == _NULL_TAG:
            return None, False
        if tag == _BOOL_TAG:
            if node.value.lower() not in _BOOLS:  # an explicit !!bool of anything
                raise _Refused(Msg("yaml.not_bool", value=node.value), node.start_mark)
            return _BOOLS[node.value.lower()], False
    return loader.construct_object(node, deep=True), False


#: How load_mapping builds values from the composed document (tests swap in PyYAML's
#: own constructor to show both agree).
_construct = _build


class _Dumper(yaml.CSafeDumper):
    """Canonical dumper. It quotes every string a YAML 1.1 reader would not read as text
    (yes, on, 0912 ...), but writes ISO dates plain: they are dates to any reader."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.yaml_implicit_resolvers = _without(
    yaml.CSafeDumper.yaml_implicit_resolvers, {_TIMESTAMP_TAG}
)
# Also quote what our own loader reads as a number (0912 is not octal, so YAML 1.1 calls
# it text, but we read every digit string as a decimal int).
_Dumper.add_implicit_resolver(_INT_TAG, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))


def _represent_str(dumper: _Dumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data: dict[str, Any]) -> str:
    """Return ``data`` as canonical YAML text (keys in the given order)."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
    return text


def _problem(path: Path | str, message: Msg, line: int | None = None) -> DataError:
    return DataError(Problem(path=path, message=message, line=line))


def _too_large(path: Path | str, size: int) -> DataError:
    return _problem(path, Msg("file.too_large", size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))


#: libyaml's own phrases, so a Chinese ledger reads them in Chinese; others stay as said.
_LIBYAML = {
    "while parsing a flow sequence": "yaml.ctx.flow_sequence",
    "while parsing a flow mapping": "yaml.ctx.flow_mapping",
    "while parsing a block mapping": "yaml.ctx.block_mapping",
    "while parsing a block collection": "yaml.ctx.block_collection",
    "while parsing a block node": "yaml.ctx.block_node",
    "while parsing a flow node": "yaml.ctx.flow_node",
    "while scanning a quoted scalar": "yaml.ctx.quoted_scalar",
    "while scanning a plain scalar": "yaml.ctx.plain_scalar",
    "while scanning a block scalar": "yaml.ctx.block_scalar",
    "while scanning a simple key": "yaml.ctx.simple_key",
    "while scanning for the next token": "yaml.ctx.next_token",
    "while scanning an anchor": "yaml.ctx.anchor",
    "while scanning an alias": "yaml.ctx.alias",
    "while scanning a tag": "yaml.ctx.tag",
    "while scanning a directive": "yaml.ctx.directive",
    "did not find expected ',' or ']'": "yaml.problem.comma_bracket",
    "did not find expected ',' or '}'": "yaml.problem.comma_brace",
    "did not find expected key": "yaml.problem.key",
    "did not find expected '-' indicator": "yaml.problem.dash",
    "could not find expected ':'": "yaml.problem.colon",
    "did not find expected node content": "yaml.problem.node",
    "found unexpected end of stream": "yaml.problem.end",
    "found character that cannot start any token": "yaml.problem.token",
    "mapping values are not allowed in this context": "yaml.problem.mapping_here",
    "block sequence entries are not allowed in this context": "yaml.problem.sequence_here",
    "found undefined alias": "yaml.problem.undefined_alias",
    "found unknown escape character": "yaml.problem.escape",
    "found a tab character that violates indentation": "yaml.problem.tab",
    "expected a single document in the stream": "yaml.ctx.one_document",
    "but found another document": "yaml.problem.another_document",
}


def _libyaml_word(part: str) -> Msg | str:
    key = _LIBYAML.get(part)
    if key is not None:
        return Msg(key)
    if part.startswith("could not determine a constructor for the tag"):
        return Msg("yaml.problem.tag_named", tag=part.rsplit(" ", 1)[-1])
    return part


def _libyaml_detail(context: str | None, problem: str | None) -> Msg | str:
    """libyaml's context and problem, each as a catalogue word where one is known (other
    phrases stay as libyaml wrote them)."""
    if context and problem:
        return Msg("yaml.detail", context=_libyaml_word(context), problem=_libyaml_word(problem))
    return _libyaml_word(context or problem or "")


_TYPE_WORDS = {"list": "yaml.type.list", "str": "yaml.type.str", "int": "yaml.type.int",
               "float": "yaml.type.float", "bool": "yaml.type.bool"}


def _type_word(value: Any) -> Msg:
    name = type(value).__name__
    key = _TYPE_WORDS.get(name)
    return Msg(key) if key else Msg("yaml.type.other", name=name)


def decode(data: bytes, path: Path | str) -> str:
    """Check raw file bytes for size, encoding and conflict markers; return the text."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path, len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _problem(path, Msg("file.not_utf8"), line) from None
    if "<<<<<<<" in text or ">>>>>>>" in text:
        match = _CONFLICT_RE.search(text)
        if match:
            line = text.count("\n", 0, match.start()) + 1
            raise _problem(path, Msg("file.conflict_markers"), line)
    return text


def read_file(path: Path, label: str | None = None) -> str:
    """Read a text file for loading, refusing oversized files without reading them whole.

    ``label`` is how messages name the file (a repository-relative path); default ``path``.
    """
    name = label or str(path)
    try:
        # Never through a symlink (it could point anywhere), never blocking on a FIFO.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise _problem(name, Msg("file.not_found")) from None
    except PermissionError:
        raise _problem(name, Msg("file.permission")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _problem(name, Msg("file.not_regular")) from None
        raise _problem(name, Msg("file.unreadable", reason=os_reason(exc))) from None
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _problem(name, Msg("file.not_regular"))
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise _problem(name, Msg("file.unreadable", reason=os_reason(exc))) from None
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(name, handle.seek(0, 2))
    return decode(data, name)


def _reject_aliases(text: str, path: Path | str) -> None:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else None
            raise _problem(path, Msg("yaml.aliases"), line)


def load_mapping(text: str, path: Path | str) -> dict[str, Any]:
    """Parse one YAML document that must be a mapping; errors name the file and line."""
    try:
        if "*" in text:  # cheap test first: only then pay for an event scan
            _reject_aliases(text, path)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = None if node is None else _construct(loader, node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        if isinstance(exc, _DuplicateKey):
            raise _problem(path, Msg("yaml.duplicate_key", key=exc.key), line) from None
        if isinstance(exc, _Refused):
            raise _problem(path, exc.message, line) from None
        detail = _libyaml_detail(exc.context, exc.problem)
        raise _problem(path, Msg("yaml.invalid", detail=detail), line) from None
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise _problem(path, Msg("yaml.invalid", detail=detail)) from None
    except (ValueError, OverflowError) as exc:  # a scalar the constructors cannot build
        raise _problem(path, Msg("yaml.bad_value", detail=str(exc))) from None
    except (RecursionError, _TooDeep):
        raise _problem(path, Msg("yaml.too_deep")) from None
    if data is None:
        raise _problem(path, Msg("yaml.empty"))
    if not isinstance(data, dict):
        raise _problem(path, Msg("yaml.not_mapping", found=_type_word(data)), 1)
    return data


def _block_key_line(text: str, keys: list[str]) -> int | None:
    """Line of nested block-mapping ``keys`` found by indentation alone, or None."""
    lines = text.split("\n")
    start, indent, found = 0, -1, None
    for key in keys:
        found = None
        child: int | None = 0 if indent < 0 else None  # the depth of this mapping's keys
        for number in range(start, len(lines)):
            line = lines[number]
            stripped = line.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue
            depth = len(line) - len(stripped)
            if depth <= indent:
                break  # left the parent mapping
            if child is None:
                child = depth
            if depth == child and stripped.startswith(f"{key}:") and (
                    len(stripped) == len(key) + 1 or stripped[len(key) + 1] in " \t"):
                found, start, indent = number, number + 1, depth
                break
        if found is None:
            return None
    return None if found is None else found + 1


def line_of(text: str, field: str | None) -> int | None:
    """Line (1-based) of the node at the dotted ``field`` path (``plan.measures.0``).

    Falls back to the deepest existing parent, so a missing field points at its mapping.
    Block-style mapping keys (what the tool writes) are found by scanning the text; other
    paths compose the document once more.
    """
    if field and all(not part.isdigit() for part in field.split(".")):
        found = _block_key_line(text, field.split("."))
        if found is not None:
            return found
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    loc = [int(p) if p.isdigit() else p for p in field.split(".")] if field else []
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    child = value
                    line = key.start_mark.line + 1
                    break
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and 0 <= part < len(node.value)):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
