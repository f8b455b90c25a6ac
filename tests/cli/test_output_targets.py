"""Every `-o` target is a regular writable file or a new name: anything else is refused, never replaced
(cli.md; issue 10)."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.cases import write_case


def _folder(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link(path: Path) -> None:
    victim = path.with_name("victim.txt")
    victim.write_text("à garder\n")
    path.symlink_to(victim)


def _read_only(path: Path) -> None:
    path.write_text("à garder\n")
    path.chmod(0o444)


def _device(path: Path) -> None:
    # A character device with the numbers of /dev/null, made here rather than risking the real one.
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


KINDS: dict[str, Callable[[Path], None]] = {
    "folder": _folder, "fifo": _fifo, "link": _link, "read-only": _read_only, "device": _device,
    "socket": _socket,
}
WORDS = {"folder": "dossier", "fifo": "fichier ordinaire", "link": "lien symbolique", "read-only": "lecture seule",
         "device": "fichier ordinaire", "socket": "fichier ordinaire"}


def _state(path: Path) -> tuple[int, int, str | None]:
    info = os.lstat(path)
    content = path.read_text() if stat.S_ISREG(info.st_mode) else None
    return info.st_mode, info.st_ino, content


@pytest.mark.parametrize("command", ["dump", "archive", "export"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_target_that_is_not_a_regular_writable_file_is_refused(dossier, tmp_path: Path, command: str,
                                                                 kind: str) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    target = tmp_path / "out" / f"cible.{command}"
    target.parent.mkdir()
    KINDS[kind](target)
    before = _state(target)
    victim = target.with_name("victim.txt")
    kept = victim.read_text() if victim.exists() else None
    run = dossier(command, "1", "-o", str(target))
    assert run.code == 1, (run.out, run.err)
    assert WORDS[kind] in run.err and "n'a pas été remplacé" in run.err, run.err
    assert len(run.err.strip().splitlines()) == 1
    assert _state(target) == before
    if kept is not None:
        assert victim.read_text() == kept
    assert sorted(p.name for p in target.parent.iterdir()) == sorted({target.name, victim.name} & {
        p.name for p in target.parent.iterdir()}), "a temporary file was left beside the target"


@pytest.mark.parametrize("command", ["dump", "archive", "export"])
def test_an_ordinary_file_is_replaced_whole(dossier, tmp_path: Path, command: str) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    target = tmp_path / f"cible.{command}"
    target.write_text("ancienne version\n")
    run = dossier(command, "1", "-o", str(target))
    assert run.code == 0, run.err
    assert target.read_bytes() != b"ancienne version\n"


def test_a_volume_name_taken_by_a_link_is_refused(dossier, tmp_path: Path) -> None:
    """With --max-mb the dossier is written as NAME-1.pdf, NAME-2.pdf…: each of those names is checked too."""
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("à garder\n")
    (tmp_path / "dossier-2.pdf").symlink_to(victim)
    # So small a size that the pièces go to volumes of their own (a single volume takes no suffix).
    run = dossier("export", "1", "-o", str(tmp_path / "dossier.pdf"), "--max-mb", "0.001")
    assert run.code == 1 and "lien symbolique" in run.err, run.err
    assert victim.read_text() == "à garder\n" and (tmp_path / "dossier-2.pdf").is_symlink()
