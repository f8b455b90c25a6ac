"""The window's long work in a child process: the same results as in the command's process, a Cancel
or an abandon that leaves nothing, and a child that dies said in one line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dossier_app.domain.errors import UserError
from dossier_app.services import child_process, claims
from dossier_app.services.demo import create_demo
from dossier_app.services.store_access import open_home


@pytest.fixture
def demo_home(tmp_path: Path) -> tuple[Path, int]:
    home = tmp_path / "home"
    store = open_home(home)
    try:
        return home, int(create_demo(store))
    finally:
        store.close()


def test_the_child_writes_the_dossier_and_reports_its_steps(demo_home, tmp_path):
    home, case_id = demo_home
    stages: list[str] = []
    report = child_process.export_case(home, case_id, tmp_path / "dossier.pdf",
                                          progress=lambda step: stages.append(step.stage) or True)
    assert report.volumes == (tmp_path / "dossier.pdf",)
    assert (tmp_path / "dossier.pdf").read_bytes()[:5] == b"%PDF-"
    assert {"prepare", "parts", "write"} <= set(stages)


def test_a_cancel_reaches_the_child_and_leaves_no_file(demo_home, tmp_path):
    from dossier_app.export import ExportCancelled

    home, case_id = demo_home
    with pytest.raises(ExportCancelled):
        child_process.export_case(home, case_id, tmp_path / "dossier.pdf", progress=lambda step: False)
    assert list(tmp_path.glob("dossier*")) == []


def test_a_child_that_dies_is_said_in_one_line(demo_home, tmp_path, monkeypatch):
    home, case_id = demo_home
    monkeypatch.setattr(child_process, "command", lambda: [sys.executable, "-c", "import sys; sys.exit(3)"])
    with pytest.raises(UserError) as caught:
        child_process.export_case(home, case_id, tmp_path / "dossier.pdf")
    assert "code 3" in caught.value.message and "\n" not in caught.value.message
    assert not (tmp_path / "dossier.pdf").exists()


def test_the_claims_worked_out_in_a_child_equal_those_worked_out_here(demo_home):
    from datetime import date

    home, case_id = demo_home
    store = open_home(home)
    try:
        here = claims.case_claims(store, case_id, date(2025, 11, 3))
    finally:
        store.close()
    assert child_process.case_claims(home, case_id, date(2025, 11, 3)) == here


def test_work_no_longer_wanted_is_ended_at_once(demo_home):
    import time

    home, case_id = demo_home
    start = time.perf_counter()
    with pytest.raises(child_process.Abandoned):
        child_process.readiness(home, case_id, __import__("datetime").date.today(), None, cancelled=lambda: True)
    assert time.perf_counter() - start < 5


def test_a_long_result_crosses_in_pieces_and_arrives_whole(demo_home, monkeypatch):
    """Unpickled whole, 28 000 invoices held the window's interpreter for a second: they come in pieces."""
    import io
    from datetime import date

    from dossier_app.domain.checks import Finding, IntegrityFacts

    home, case_id = demo_home
    store = open_home(home)
    try:
        result = claims.case_claims(store, case_id, date(2025, 11, 3))
    finally:
        store.close()
    monkeypatch.setattr(child_process, "PIECE", 2)
    findings = [Finding("warning", f"code{i}", f"message {i}") for i in range(7)]
    for sent in (result, (findings, IntegrityFacts(missing=frozenset({"a" * 64})))):
        pipe = io.BytesIO()
        child_process._send_result(pipe, sent)
        pipe.seek(0)
        kind, payload = child_process._receive(pipe)
        assert kind == "result"
        assert payload[1], "nothing was sent in pieces"
        assert child_process._reassembled(payload, pipe) == sent
        assert pipe.read() == b""


def test_a_child_whose_parent_is_gone_stops_and_writes_nothing(demo_home, tmp_path):
    """The window's end of the pipe closed (the window died, or it was closed) before the answer."""
    import subprocess

    home, case_id = demo_home
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen(child_process.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
    child_process._send(child.stdin, {"home": str(home), "target": "exporting.export_case",
                                      "args": (case_id, out / "dossier.pdf"), "kwargs": {},
                                      "progress": True, "language": "fr"})
    child.stdin.close()
    kinds = []
    while (message := child_process._receive(child.stdout)) is not None:
        kinds.append(message[0])
    child.stdout.close()
    assert child.wait(timeout=60) == 0
    assert kinds[-1] == "cancelled"
    assert list(out.iterdir()) == []


def test_the_child_ends_cleanly_after_answering(demo_home):
    """Its exit is quiet: an abort at exit would fill the log with a fatal error after every check."""
    import subprocess
    from datetime import date

    home, case_id = demo_home
    child = subprocess.Popen(child_process.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    child_process._send(child.stdin, {"home": str(home), "target": "claims.case_claims",
                                      "args": (case_id, date(2025, 11, 3)), "kwargs": {}, "progress": False,
                                      "language": "fr"})
    kind, _payload = child_process._receive(child.stdout)
    assert kind == "result"
    # The parent reads the answer, then waits for the child's end before closing its side.
    assert child.wait(timeout=60) == 0
    assert child.stderr.read() == b""
    for stream in (child.stdin, child.stdout, child.stderr):
        stream.close()
