"""Case files with every kind of wrong value, made by hypothesis: `load` (and `restore`, the same
document inside an archive) always ends with one line, or the list of problems under its headline,
never a traceback, and writes nothing.

Beyond wrong types and formats, the families include what breaks parsers and later commands:
dates before 1900 or far ahead, counts past the bounds, integers of thousands of digits, NaN and
Infinity, JSON nested thousands deep, lone surrogates in values and keys, and two exhibits with
the same bytes."""

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
                 "45_days_end_of_month", "99_days_end_of_week", "0" * 64, "ZZ" * 32, "2-3", "3-2", "1, 4-5",
                 "9999-12-31", "0001-01-01", "1899-12-31", "2999-01-01", "0001-01-01T00:00+01:00",
                 "9999-12-31T23:59", "9999-12-31T23:59-12:00", "1900-01-01T00:00+14:00", "files/copie.txt"]
# Written into the JSON text as they are: Python's json module would not write them.
RAW_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1" + "0" * 5000, str(2**70), "1" * 31,
              "-" + "9" * 4400, "[" * 3000 + "]" * 3000, '{"a":' * 2000 + "0" + "}" * 2000, "[" * 65 + "]" * 65,
              '"\\ud800"', '"titre \\udfff fin"', '"\\udc80\\ud800"']
raw_tokens = st.sampled_from([f"@@raw{k}@@" for k in range(len(RAW_TOKENS))])
wrong_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([3661, 1_000_001, 2**63, 2**70, -(2**63) - 1])
    | st.sampled_from(WRONG_STRINGS) | st.text(max_size=30) | raw_tokens,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10) | raw_tokens, inner, max_size=4),
    max_leaves=12)


def as_json_text(document: Any) -> str:
    text = json.dumps(document, ensure_ascii=True, allow_nan=True)
    for k, token in enumerate(RAW_TOKENS):
        text = text.replace(f'"@@raw{k}@@"', token)
    return text


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
def broken_documents(draw: st.DrawFn, base: dict[str, Any] | None = None) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(wrong_values)  # not even the shape of a case file
    doc = copy.deepcopy(base) if base is not None else small_document()
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(_paths(doc)))
        action = draw(st.sampled_from(["replace", "replace", "delete", "add_key", "same_bytes"]))
        if action == "same_bytes" and isinstance(doc.get("exhibits"), list) and doc["exhibits"]:
            # Another exhibit with the bytes of an existing one, its hash written or not.
            twin = copy.deepcopy(doc["exhibits"][0]) if isinstance(doc["exhibits"][0], dict) else {}
            twin = {**twin, "path": draw(st.sampled_from(["files/copie.txt", twin.get("path", "files/facture.txt")])),
                    "title": "Copie"}
            if draw(st.booleans()):
                twin.pop("sha256", None)
            doc["exhibits"].insert(draw(st.integers(0, len(doc["exhibits"]))), twin)
            continue
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
    case_json.write_text(as_json_text(document), encoding="utf-8")
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
        shutil.copyfile(base / "in" / "files" / "facture.txt", base / "in" / "files" / "copie.txt")
        assert run_in_process(base / "home", "archive", "1", "-o", str(base / "good.dossier")).code == 0
        _FOLDER.append(base)
    return _FOLDER[0]


RESTORE_HEADLINE = re.compile(r"refusé, rien n'a été restauré :$")


def _archived_case() -> dict[str, Any]:
    from tests.archive.zips import members

    return json.loads(members(_shared_folder() / "good.dossier")["case.json"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_broken_case_inside_an_archive_is_refused_whole_in_words(data: st.DataObject) -> None:
    from tests.archive.zips import members, rehashed, write_zip

    base = _shared_folder()
    home = base / "home"
    document = data.draw(broken_documents(_archived_case()))
    items = members(base / "good.dossier")
    items["case.json"] = as_json_text(document).encode("utf-8")
    archive = write_zip(base / "broken.dossier", list(rehashed(items).items()))
    before = snapshot(home)
    run = run_in_process(home, "restore", str(archive))
    assert "Traceback" not in run.out + run.err
    assert run.code in (0, 1), (run.code, run.err)
    if run.code == 0:
        assert run_in_process(home, "case", "rm", run.out.strip(), "--yes").code == 0
        return
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert lines, "a refusal must say why"
    if len(lines) > 1:  # the list under its headline, or one problem whose value holds a line break
        assert RESTORE_HEADLINE.search(lines[0]) or lines[0].startswith("dossier: "), run.err
    else:
        assert lines[0].startswith("dossier: "), run.err
    assert snapshot(home) == before, "a refused archive must write nothing"


@pytest.mark.parametrize("kind", [[], {"a": 1}])
def test_an_event_kind_that_is_a_list_or_an_object(kind: Any, tmp_path: Path) -> None:
    document = small_document()
    document["events"][2]["kind"] = kind
    case_json = write_case(tmp_path / "in", small_document())
    case_json.write_text(json.dumps(document), encoding="utf-8")
    run = run_in_process(tmp_path / "home", "load", str(case_json))
    assert run.code == 1 and "events[2].kind" in run.err, run.err
