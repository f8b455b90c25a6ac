import os

import pytest

from dossier_app.imports import iter_candidate_files


def names(paths, root) -> list[str]:
    return [str(p.relative_to(root)) for p in paths]


def test_walks_sorted_skipping_hidden_and_junk(tmp_path) -> None:
    for name in ("b.pdf", "A.pdf", "sub/c.txt", ".hidden.pdf", ".git/x", "Thumbs.db", "~$lettre.docx", "sub/é.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert names(iter_candidate_files([tmp_path]), tmp_path) == ["A.pdf", "b.pdf", "sub/c.txt", "sub/é.png"]


def test_named_files_are_kept_even_hidden_or_missing(tmp_path) -> None:
    (tmp_path / ".cache.pdf").write_bytes(b"x")
    given = [tmp_path / ".cache.pdf", tmp_path / "absent.pdf"]
    assert list(iter_candidate_files(given)) == given


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_directory_loop_ends(tmp_path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "doc.pdf").write_bytes(b"x")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "self").symlink_to(tmp_path)
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    assert names(iter_candidate_files([tmp_path]), tmp_path) == ["a/b/doc.pdf", "broken"]


def test_an_unreadable_folder_is_yielded_for_its_refusal(tmp_path, monkeypatch) -> None:
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def refuse(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert names(iter_candidate_files([tmp_path]), tmp_path) == ["locked"]
