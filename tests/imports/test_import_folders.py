import os

import pytest

from dossier_app.imports import iter_candidate_files, walk_paths


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
def test_links_met_while_walking_are_given_refused_never_followed(tmp_path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "doc.pdf").write_bytes(b"x")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "self").symlink_to(tmp_path)
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    (tmp_path / "file-link.pdf").symlink_to(tmp_path / "a" / "b" / "doc.pdf")
    found = list(walk_paths([tmp_path]))
    assert names((c.path for c in found), tmp_path) == ["a/b/doc.pdf", "a/b/loop", "broken", "file-link.pdf", "self"]
    assert [c.refused is None for c in found] == [True, False, False, False, False]
    assert all("lien symbolique, non suivi" in c.refused for c in found[1:])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_named_is_followed_and_said(tmp_path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "doc.pdf").write_bytes(b"x")
    (tmp_path / "named").symlink_to(tmp_path / "real")
    (tmp_path / "named.pdf").symlink_to(tmp_path / "real" / "doc.pdf")
    found = list(walk_paths([tmp_path / "named", tmp_path / "named.pdf"]))
    assert [c.path for c in found] == [tmp_path / "named" / "doc.pdf", tmp_path / "named.pdf"]
    assert all(c.refused is None and "lien symbolique nommé" in c.note for c in found)
    assert [c.follow for c in found] == [False, True]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_on_sight(tmp_path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    found = list(walk_paths([tmp_path, tmp_path / "pipe.pdf"]))
    assert [c.path.name for c in found] == ["pipe.pdf", "pipe.pdf"]
    assert all("pas un fichier ordinaire" in c.refused for c in found)


def test_an_unreadable_folder_is_yielded_for_its_refusal(tmp_path, monkeypatch) -> None:
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def refuse(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert names(iter_candidate_files([tmp_path]), tmp_path) == ["locked"]
