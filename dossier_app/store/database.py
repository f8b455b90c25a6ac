"""Opening the store: checks, migrations, and one transaction per command."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import _
from .blobs import BlobStore
from .home import DATABASE_NAME, FILES_DIR
from .recovery import recover_discarded
from .schema import MIGRATIONS, SCHEMA_VERSION, statements

BUSY_TIMEOUT_MS = 5000


class Store:
    """The database and the exhibit files of one home folder."""

    def __init__(self, home: Path, conn: sqlite3.Connection) -> None:
        self.home = home
        self._conn = conn
        self.blobs = BlobStore(home / FILES_DIR)
        self.closed = False

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @contextlib.contextmanager
    def transaction(self, *, undo: Callable[[], None] | None = None,
                    done: Callable[[], None] | None = None) -> Iterator[sqlite3.Connection]:
        """All or nothing; a busy or read-only store becomes a sentence.

        ``undo`` runs when the transaction fails, *before* the rollback releases the write lock, so
        that what it puts right on disk cannot race another writer; ``done`` runs after the commit.
        """
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise translate_sqlite_error(exc, self.home) from exc
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            # A large write spills pages to the journal before the commit: a full disk, a busy or
            # read-only store can then fail any statement, not only the commit. Anything else is a bug.
            self._abandon(undo)
            if not _about_the_disk(exc):
                raise
            raise translate_sqlite_error(exc, self.home) from exc
        except BaseException:
            self._abandon(undo)
            raise
        try:
            conn.commit()
        except sqlite3.OperationalError as exc:
            self._abandon(undo)
            raise translate_sqlite_error(exc, self.home) from exc
        if done is not None:
            done()

    def _abandon(self, undo: Callable[[], None] | None) -> None:
        try:
            if undo is not None:
                undo()
        finally:
            self.conn.rollback()

    def close(self) -> None:
        self.closed = True
        self.conn.close()


def translate_sqlite_error(exc: sqlite3.Error, home: Path) -> UserError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return UserError(_("Le dossier de données est occupé par un autre programme Dossier : réessayez dans un instant."))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return UserError(_("Impossible d'écrire dans {home} : vérifiez les droits du dossier ou choisissez-en un autre avec --home.").format(home=home))
    if ("disk" in text and "full" in text) or ("disk i/o" in text and _nearly_full(home)):
        return UserError(_("Le disque est plein ({home}) : libérez de la place et recommencez ; rien n'a été modifié.").format(home=home))
    if "not a database" in text or "malformed" in text:
        return UserError(_("{value} n'est pas une base Dossier lisible : déplacez ce fichier ou choisissez un autre dossier avec --home.").format(value=home / DATABASE_NAME))
    if "disk i/o" in text:
        return UserError(_("Le disque refuse une écriture dans {home} (erreur d'entrée-sortie) : vérifiez le disque et la place libre, puis recommencez ; rien n'a été modifié.").format(home=home))
    return UserError(_("Erreur de la base de données ({exc}) dans {home}.").format(exc=exc, home=home))


def _about_the_disk(exc: sqlite3.Error) -> bool:
    """A failure of the storage or of the lock, which ``translate_sqlite_error`` puts in words."""
    text = str(exc).lower()
    return any(word in text for word in ("locked", "busy", "readonly", "read-only", "disk", "full"))


def _nearly_full(home: Path) -> bool:
    # SQLite says "disk I/O error" when it cannot even create its side files on a full disk.
    try:
        return shutil.disk_usage(home).free < 1 << 20
    except OSError:
        return False


def open_store(home: Path, *, create: bool = True) -> Store:
    """Open (and create or migrate) the store of ``home``; every failure is a ``UserError``."""
    db_path = home / DATABASE_NAME
    if not db_path.exists() and not create:
        raise UserError(_("Aucune donnée Dossier dans {home}.").format(home=home))
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(_("Impossible de créer le dossier de données {home} ({strerror}) : choisissez-en un autre avec --home.").format(home=home, strerror=exc.strerror)) from exc
    # The file is never opened outside SQLite: closing any descriptor of it would drop every POSIX
    # lock this process holds on it (a window's live connection included), and another process
    # would then delete the journal under that connection ("How To Corrupt Your Database Files", 2.2).
    if db_path.is_symlink() or (db_path.exists() and not db_path.is_file()):
        raise UserError(_not_a_database(db_path))
    try:
        conn = sqlite3.connect(db_path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, home) from exc
    try:
        _check_is_sqlite(conn, db_path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise UserError(_("Ces données ({db_path}) viennent d'une version plus récente de Dossier (schéma {version}) : installez la dernière version du programme.").format(db_path=db_path, version=version))
        if version < SCHEMA_VERSION:
            _migrate(conn, db_path, version)
        _enable_wal(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise translate_sqlite_error(exc, home) from exc
    except BaseException:
        conn.close()
        raise
    store = Store(home, conn)
    if store.blobs.discarded():
        # A command was killed while removing files: put its work right before anyone reads.
        with contextlib.suppress(UserError), store.transaction():
            recover_discarded(store)
    return store


def _check_is_sqlite(conn: sqlite3.Connection, db_path: Path) -> None:
    """Through SQLite itself: it reads the header and refuses what is not one of its files."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower() or "malformed" in str(exc).lower():
            raise UserError(_not_a_database(db_path)) from exc
        raise


def _not_a_database(db_path: Path) -> str:
    return _("{db_path} n'est pas une base Dossier (ce n'est pas un fichier SQLite) : déplacez ce fichier ou choisissez un autre dossier avec --home.").format(db_path=db_path)


def _enable_wal(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def _migrate(conn: sqlite3.Connection, db_path: Path, version: int) -> None:
    # A copy first: a migration that goes wrong must never cost the user their evidence.
    # Through SQLite's backup API, never a file copy: see open_store on descriptors and locks.
    if version > 0 and db_path.stat().st_size > 0:
        backup = db_path.with_name(f"{db_path.name}.before-v{SCHEMA_VERSION}.bak")
        if not backup.exists():
            target = sqlite3.connect(backup)
            try:
                conn.backup(target)
            finally:
                target.close()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            migration = MIGRATIONS[step]
            if callable(migration):
                migration(conn)
                continue
            for statement in statements(migration):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise

