"""Writing files the user asked for: whole or not at all."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import _


def check_target(target: Path) -> None:
    """Only a regular, writable file or a new name may be written to: a folder, a device, a FIFO, a
    socket, a symbolic link or a read-only file is refused, never replaced."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise os_error_to_user(exc, target) from exc
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        why = _("est un lien symbolique")
    elif stat.S_ISDIR(mode):
        why = _("est un dossier : donnez un nom de fichier")
    elif not stat.S_ISREG(mode):
        why = _("n'est pas un fichier ordinaire (périphérique, tube ou socket)")
    elif not mode & stat.S_IWUSR:
        why = _("est en lecture seule")
    else:
        return
    raise UserError(_("{target} {why} : il n'a pas été remplacé ; choisissez un autre nom.").format(target=target, why=why))


@contextlib.contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; it replaces ``target`` only if the block succeeds."""
    target = Path(target)
    check_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise os_error_to_user(exc, target) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        check_target(target)  # again: something may have taken the name meanwhile
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise os_error_to_user(exc, target) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    with atomic_target(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def os_error_to_user(exc: OSError, path: Path) -> UserError:
    if isinstance(exc, UserError):  # pragma: no cover - defensive
        return exc
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return UserError(_("Plus de place pour écrire {path} : libérez de l'espace disque et recommencez ; rien n'a été modifié.").format(path=path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(_("Pas le droit d'écrire {path} : choisissez un autre emplacement.").format(path=path))
    if exc.errno == errno.ENOENT:
        return UserError(_("Le dossier de {path} n'existe pas : créez-le ou choisissez un autre emplacement.").format(path=path))
    return UserError(_("Impossible d'écrire {path} : {value}.").format(path=path, value=exc.strerror or exc))
