"""`case rm` (or removing an exhibit) at the same moment as a `restore` or an `import` of the same files:
the file a committed row names is always in the store (issue 10)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dossier_app.services.archive import restore_archive
from dossier_app.services.cases import delete_case
from dossier_app.services.verify import verify_case
from dossier_app.store import open_store
from dossier_app.store.blobs import BlobStore
from tests.reliability.support import child_env, command, run_in_process
from tests.support.cases import write_case


def test_restore_between_the_commit_of_a_removal_and_its_files_going(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The window deletes a case; at that instant another process restores an archive of it."""
    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "in"))).code == 0
    archive = tmp_path / "a.dossier"
    assert run_in_process(home, "archive", "1", "-o", str(archive)).code == 0
    deleter, other = open_store(home), open_store(home)
    restored: list[int] = []
    started: list[bool] = []

    def the_other_process_restores(*_args: object) -> None:
        if not started:
            started.append(True)
            restored.append(restore_archive(other, archive).case_id)

    # Whatever removes a file once the removal's rows are gone: the old code's `remove`, the new
    # code's final step after the commit. Both are where another writer can slip in.
    for name in ("remove", "drop_discarded"):
        if hasattr(BlobStore, name):
            monkeypatch.setattr(BlobStore, name, _before(getattr(BlobStore, name), the_other_process_restores))
    try:
        delete_case(deleter, 1)
        assert restored, "the interleaving under test did not happen"
        assert verify_case(other, restored[0]) == []
    finally:
        deleter.close()
        other.close()
    assert run_in_process(home, "verify", str(restored[0])).code == 0


def _before(method, hook):  # type: ignore[no-untyped-def]
    def wrapped(self, *args):  # type: ignore[no-untyped-def]
        hook()
        return method(self, *args)

    return wrapped


@pytest.mark.parametrize("round_", range(4))
def test_case_rm_and_restore_at_once(tmp_path: Path, round_: int) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "in"
    write_case(folder)
    for i in range(20):
        (folder / "files" / f"extra-{i}.txt").write_text(f"pièce {i} du tour {round_}\n" * 2000)
    assert run_in_process(home, "load", str(folder / "case.json")).code == 0
    assert run_in_process(home, "import", "1", str(folder / "files")).code == 0
    archive = tmp_path / "a.dossier"
    assert run_in_process(home, "archive", "1", "-o", str(archive)).code == 0
    procs = [subprocess.Popen(command(home, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=child_env())
             for args in (("case", "rm", "1", "--yes"), ("restore", str(archive)))]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err and proc.returncode in (0, 1), (proc.args, out, err)
    listed = run_in_process(home, "cases").out
    for line in listed.splitlines()[2:]:
        case_id = line.split()[0]
        if case_id.isdigit():
            run = run_in_process(home, "verify", case_id)
            assert run.code == 0, run.out
