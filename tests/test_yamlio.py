"""The YAML boundary: strict loading, canonical dumping, errors with lines."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safecheck import yamlio
from safecheck.errors import DataError
from safecheck.i18n import Msg

# Text as people type it: Chinese, English, punctuation YAML cares about, line breaks.
TRICKY = [":", "#", "|", ">", "'", '"', "-", "?", "*", "&", "!", "%", "@", "`", "{", "}",
          "[", "]", ",", " ", "\n", "\t", "，", "：", "“", "”", "（", "）"]
text = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY),
                       st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                       st.characters(codec="utf-8", exclude_categories=("Cs",))),
    max_size=60)
keys = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)
scalars = st.one_of(text, st.integers(-10**9, 10**9), st.booleans(), st.none(),
                    st.sampled_from(["yes", "no", "on", "off", "0912", "010", "2026-11-21",
                                     "1:20", "~", "null", "True", "1e3", ".5"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=20)
documents = st.dictionaries(keys, values, min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_dump_then_load_gives_the_same_data(data: dict[str, object]) -> None:
    assert yamlio.load_mapping(yamlio.dump(data), "x.yaml") == data


@settings(max_examples=300, deadline=None)
@given(documents)
def test_canonical_text_is_a_fixed_point(data: dict[str, object]) -> None:
    once = yamlio.dump(data)
    assert yamlio.dump(yamlio.load_mapping(once, "x.yaml")) == once


def test_chinese_is_written_unescaped_and_multiline_as_literal_block() -> None:
    text = yamlio.dump({"title": "集水井入口无警示标志", "description": "第一行\n第二行: 含冒号\n"})
    assert "集水井入口无警示标志" in text
    assert "description: |\n  第一行\n  第二行: 含冒号\n" in text


@pytest.mark.parametrize(("source", "expected"), [
    ("a: no\n", "no"), ("a: on\n", "on"), ("a: 0912\n", 912), ("a: 010\n", 10),
    ("a: 10:30\n", "10:30"), ("a: 2026-11-21\n", "2026-11-21"), ("a: true\n", True),
])
def test_scalars_mean_what_people_wrote(source: str, expected: object) -> None:
    assert yamlio.load_mapping(source, "x.yaml")["a"] == expected


def test_strings_a_yaml_11_reader_would_misread_are_quoted() -> None:
    assert yamlio.dump({"a": "yes", "b": "0912"}) == "a: 'yes'\nb: '0912'\n"


def error_of(text: str) -> DataError:
    with pytest.raises(DataError) as caught:
        yamlio.load_mapping(yamlio.decode(text.encode(), "r.yaml"), "r.yaml")
    return caught.value


def test_invalid_yaml_names_file_and_line() -> None:
    error = error_of("title: ok\ndescription: [unclosed\nlevel: general\n")
    assert error.problem.path == "r.yaml" and error.problem.line is not None
    assert error.problem.message == Msg("yaml.invalid", detail=Msg(
        "yaml.detail", context=Msg("yaml.ctx.flow_sequence"),
        problem=Msg("yaml.problem.comma_bracket")))
    assert "invalid YAML" in str(error) and "\n" not in str(error)


def test_merge_conflict_markers_are_reported_with_their_line() -> None:
    error = error_of("title: a\n<<<<<<< HEAD\nstatus: closed\n=======\nstatus: verifying\n"
                     ">>>>>>> branch\n")
    assert error.problem.line == 2 and error.problem.message == Msg("file.conflict_markers")


def test_an_alias_bomb_is_refused_at_once() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    error = error_of(bomb)
    assert error.problem.message == Msg("yaml.aliases")


def test_a_huge_file_is_refused_without_parsing() -> None:
    with pytest.raises(DataError) as caught:
        yamlio.decode(b"a: " + b"x" * (yamlio.MAX_FILE_BYTES + 1), "big.yaml")
    assert caught.value.problem.message == Msg("file.too_large", size="1,048,580",
                                               limit="1,048,576")


def test_duplicate_top_level_keys_are_an_error() -> None:
    error = error_of("status: closed\ntitle: x\nstatus: verifying\n")
    assert error.problem.line == 3
    assert error.problem.message == Msg("yaml.duplicate_key", key="status")


def test_not_a_mapping_and_empty_files() -> None:
    not_mapping = error_of("- a\n- b\n").problem
    assert not_mapping.message == Msg("yaml.not_mapping", found=Msg("yaml.type.list"))
    assert error_of("# only a comment\n").problem.message == Msg("yaml.empty")


def test_non_utf8_bytes() -> None:
    with pytest.raises(DataError) as caught:
        yamlio.decode("title: 中文\n".encode("gbk"), "gbk.yaml")
    assert caught.value.problem.message == Msg("file.not_utf8")


def test_line_of_finds_nested_keys_and_list_items() -> None:
    text = ("id: X\ndescription: |\n  status: not a key\nplan:\n  measures:\n  - a\n  - b\n"
            "  deadline: 2026-01-01\nverifications:\n- date: 2026-01-02\n  by: 张伟\n"
            "status: closed\n")
    assert yamlio.line_of(text, "status") == 12
    assert yamlio.line_of(text, "plan.deadline") == 8
    assert yamlio.line_of(text, "plan.measures.1") == 7
    assert yamlio.line_of(text, "verifications.0.by") == 11
    assert yamlio.line_of(text, "plan.funding") == 4  # missing: its parent


# --- the direct builder against PyYAML's own constructor -------------------------------

_TOKENS = ["text", "文本", "yes", "no", "on", "010", "-7", "+3", "1.5", "1e3", "1_000", ".inf",
           "-.inf", ".nan", "~", "null", "", "true", "False", "2026-11-21", "10:30", "0x10",
           "'quoted'", '"dq"', "<<", "!!str x", "!!int 1_000", "!!bool yes", "!!bool no",
           "!!bool ON", "!!float 1:30", "!!null x", "&a 1", "[1, two, 3.5]", "{a: 1, b: [c]}",
           "[[1], {x: ~}]", "|\n  block\n  text", "!!str", "[a, [b, [c]]]", "!!map {a: 1}",
           "!!seq [1]"]
#: What a record never holds: each refused (the builder and the constructor alike).
_BAD_TOKENS = ["=", "!!str [1]", "!!int x", "!!float x", "!!map x", "!!seq x",
               "!!timestamp 2020-01-01", "!!binary aGk=", "!!set {a}", "{a: 1, a: 2}",
               "!python/name:os.system", "[{1: a}]", "!!map [x]", "!!seq {k: v}", "!!bool maybe"]
_KEYS = ["a", "b", "c", "d", "键", "title", "'e'", '"f"', "<<", "!!str g"]
_BAD_KEYS = ["a", "1", "true", "~", "[k]", "? x", "=", "!!int 3", "{k: v}"]


def _pick(draw: st.DrawFn, good: list[str], bad: list[str]) -> str:
    """Mostly what a record holds, now and then what it must not."""
    return draw(st.sampled_from(bad if draw(st.integers(0, 11)) == 0 else good))


@st.composite
def _texts(draw: st.DrawFn, depth: int = 0) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        key = _pick(draw, _KEYS, _BAD_KEYS)
        if depth < 3 and draw(st.integers(0, 4)) == 0:
            inner = draw(_texts(depth + 1))
            lines.append(f"{key}:\n" + "\n".join("  " + line for line in inner.splitlines()))
        elif depth < 3 and draw(st.integers(0, 5)) == 0:
            items = [_pick(draw, _TOKENS, _BAD_TOKENS) for _ in range(draw(st.integers(1, 3)))]
            lines.append(f"{key}:\n" + "\n".join(f"- {item}" for item in items))
        else:
            lines.append(f"{key}: {_pick(draw, _TOKENS, _BAD_TOKENS)}")
    return "\n".join(lines) + "\n"


def _outcome(text: str) -> object:
    try:
        return ("value", repr(yamlio.load_mapping(text, "r.yaml")))
    except DataError as exc:
        return ("refused", str(exc.problem), exc.problem.line)


@settings(max_examples=int(os.environ.get("SAFECHECK_YAML_EXAMPLES", "400")), deadline=None)
@given(_texts())
def test_the_direct_builder_reads_what_pyyamls_constructor_reads(text: str) -> None:
    """Values are built from the composed document directly (PyYAML's generic
    constructor costs as much again as the parse): for any document, the value or the
    refusal (message and line) is the one the constructor gives."""
    from hypothesis import assume

    ours = _outcome(text)
    saved = yamlio._construct
    yamlio._construct = lambda loader, node: loader.construct_document(node)
    try:
        try:
            theirs = _outcome(text)
        except KeyError:  # its crash on !!bool of anything: ours refuses (below)
            assume(False)
    finally:
        yamlio._construct = saved
    assert ours == theirs


def test_the_builder_refuses_what_pyyaml_crashed_on_or_nests_too_deep() -> None:
    with pytest.raises(DataError) as caught:
        yamlio.load_mapping("a: !!bool maybe\n", "r.yaml")
    assert caught.value.problem.message == Msg("yaml.not_bool", value="maybe")
    assert caught.value.problem.line == 1
    deep = "a: " + "[" * (yamlio.MAX_DEPTH + 2) + "]" * (yamlio.MAX_DEPTH + 2) + "\n"
    with pytest.raises(DataError) as caught:
        yamlio.load_mapping(deep, "r.yaml")
    assert caught.value.problem.message == Msg("yaml.too_deep")
    assert yamlio.load_mapping("a: " + "[" * 10 + "]" * 10 + "\n", "r.yaml")
