"""Case files with every kind of wrong value, made by hypothesis: `load` always ends with one
line, or the list of problems under its headline, never a traceback, and writes nothing."""

from __future__ import annotations

import atexit
import copy
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.support import run_in_process, snapshot
from tests.support.cases import small_document, write_case

WRONG_STRINGS = ["", " ", "12,50", "1 234,50", "-5.00", "1e3", "0.001", "2024-02-30", "2024-13-01", "31/12/2024",
                 "2024-06-01T25:00", "tomorrow", "../../etc/passwd", "/etc/passwd", "C:\\x", "files/nope.txt",
                 "\x00", "\u202e", "é" * 5000, "null", "signed", "provider", "73282932O", "732829321",
                 "45_days_end_of_month", "99_days_end_of_week", "0" * 64, "ZZ" * 32, "2-3", "3-2", "1, 4-5"]
wrong_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(WRONG_STRINGS) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a document a value sits at."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def broken_documents(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(wrong_values)  # not even the shape of a case file
    doc = small_document()
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(_paths(doc)))
        action = draw(st.sampled_from(["replace", "replace", "delete", "add_key"]))
        if not where:
            continue
        parent = doc
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        if action == "delete":
            del parent[last]
        elif action == "add_key" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(wrong_values)
        else:
            parent[last] = draw(wrong_values)
    return copy.deepcopy(doc)


HEADLINE = re.compile(r"n'a pas été chargé ; rien n'a été enregistré :$")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_documents())
def test_a_broken_case_file_is_refused_whole_in_words(document: Any) -> None:
    base = _shared_folder()
    home = base / "home"
    before = snapshot(home)
    case_json = base / "in" / "case.json"
    case_json.write_text(json.dumps(document, ensure_ascii=False, allow_nan=True), encoding="utf-8")
    run = run_in_process(home, "load", str(case_json))
    assert "Traceback" not in run.out + run.err
    assert run.code in (0, 1), (run.code, run.err)  # 70 would be an internal error
    if run.code == 0:
        return  # the change happened to leave a valid case: loading it is right
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert lines, "a refusal must say why"
    if len(lines) > 1:  # the list of problems under its headline (a value may hold a line break)
        assert HEADLINE.search(lines[0]), run.err
    else:
        assert lines[0].startswith("dossier: "), run.err
    assert snapshot(home) == before, "a refused file must write nothing"


_FOLDER: list[Path] = []


def _shared_folder() -> Path:
    """One store for every example: each is compared with the state just before it."""
    if not _FOLDER:
        base = Path(tempfile.mkdtemp(prefix="dossier-fuzz-"))
        atexit.register(shutil.rmtree, base, True)
        assert run_in_process(base / "home", "load", str(write_case(base / "first"))).code == 0
        write_case(base / "in", small_document())
        _FOLDER.append(base)
    return _FOLDER[0]


@pytest.mark.parametrize("kind", [[], {"a": 1}])
def test_an_event_kind_that_is_a_list_or_an_object(kind: Any, tmp_path: Path) -> None:
    document = small_document()
    document["events"][2]["kind"] = kind
    case_json = write_case(tmp_path / "in", small_document())
    case_json.write_text(json.dumps(document), encoding="utf-8")
    run = run_in_process(tmp_path / "home", "load", str(case_json))
    assert run.code == 1 and "events[2].kind" in run.err, run.err
