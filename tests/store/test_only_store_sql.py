"""Only the store speaks SQL and knows the stored JSON's layout (issue 12, point 2).

Every module of ``dossier_app`` outside ``dossier_app/store/`` is read as Python: a call to
``.execute``/``.executemany``/``.executescript``, ``import sqlite3``, or a string holding
``json_extract`` or an SQL statement fails this test, naming the file and the line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import dossier_app

PACKAGE = Path(dossier_app.__file__).parent
STORE = PACKAGE / "store"

# Modules allowed SQL outside the store (path from the package, function name or None for the
# whole module): none.  An entry here is a debt to name in the commit that adds it.
BEING_MOVED: set[tuple[str, str | None]] = set()

_SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                  r"CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)|PRAGMA\s+\w+|json_extract)\b", re.IGNORECASE | re.DOTALL)
_CALLS = {"execute", "executemany", "executescript"}


def offences(source: str) -> list[tuple[int, str | None, str]]:
    """(line, enclosing top-level function or None, what) for each piece of SQL in ``source``."""
    tree = ast.parse(source)
    found: list[tuple[int, str | None, str]] = []
    for top in tree.body:
        owner = top.name if isinstance(top, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) else None
        for node in ast.walk(top):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _CALLS:
                found.append((node.lineno, owner, f".{node.func.attr}("))
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if "sqlite3" in names:
                    found.append((node.lineno, owner, "import sqlite3"))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = _SQL.search(node.value)
                if match:
                    found.append((node.lineno, owner, " ".join(match.group(0).split())[:40]))
    return found


def test_the_scan_finds_sql():
    source = '''
import sqlite3

def rows(store):
    return store.conn.execute("SELECT id FROM events WHERE case_id = ?", (1,))

AMOUNT = "json_extract(e.data, '$.amount')"

def write(conn):
    conn.executemany("insert or ignore into files (sha256) values (?)", [])
'''
    assert [(line, owner) for line, owner, _ in offences(source)] == [
        (2, None), (5, "rows"), (5, "rows"), (7, None), (10, "write"), (10, "write")]
    # French prose is not SQL.
    assert offences('MESSAGE = "Sélectionnez une pièce, puis mettez à jour la date."\n') == []


def test_only_the_store_writes_sql():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(STORE):
            continue
        name = path.relative_to(PACKAGE).as_posix()
        if (name, None) in BEING_MOVED:
            continue
        for line, owner, what in offences(path.read_text(encoding="utf-8")):
            if (name, owner) not in BEING_MOVED:
                problems.append(f"{name}:{line} ({owner or 'module'}): {what}")
    assert problems == [], "SQL outside dossier_app/store/:\n" + "\n".join(problems)
