"""The schema and its ladder of migrations: ``MIGRATIONS[n]`` takes version n to n + 1.

A step is SQL (statements separated by ``;``) or a function of the connection, for what SQL alone
cannot do safely; every step of an upgrade runs in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

V1 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    numbering_fixed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    moment TEXT,
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (case_id, ref)
);
CREATE INDEX events_by_case ON events (case_id, date, moment, id);
CREATE TABLE files (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL
);
CREATE TABLE exhibits (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES files(sha256),
    title TEXT NOT NULL,
    original_name TEXT NOT NULL,
    date TEXT,
    include INTEGER NOT NULL DEFAULT 1,
    password TEXT,
    number INTEGER,
    media_type TEXT,
    pages INTEGER,
    suggested_kind TEXT,
    UNIQUE (case_id, sha256),
    UNIQUE (case_id, number)
);
CREATE INDEX exhibits_by_case ON exhibits (case_id);
CREATE TABLE links (
    exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    pages TEXT,
    PRIMARY KEY (exhibit_id, event_id)
);
CREATE INDEX links_by_event ON links (event_id);
CREATE TABLE ecb_rates (
    effective TEXT PRIMARY KEY,
    rate TEXT NOT NULL,
    source TEXT NOT NULL
);
"""

# Version 2: what one event's write must check, reachable through indexes rather than by decoding the
# whole case (issue 12): each invoice's number, and the invoice numbers that payments, reminders and
# credit notes name. The repository keeps both on every insert and replace of an event.
V2_SQL = """
ALTER TABLE events ADD COLUMN invoice_number TEXT;
CREATE INDEX events_by_invoice_number ON events (case_id, invoice_number) WHERE invoice_number IS NOT NULL;
CREATE TABLE invoice_mentions (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    case_id INTEGER NOT NULL,
    number TEXT NOT NULL,
    PRIMARY KEY (event_id, number)
);
CREATE INDEX invoice_mentions_by_number ON invoice_mentions (case_id, number);
"""


def v2_fill(conn: sqlite3.Connection) -> None:
    """Fill version 2's invoice numbers and mentions from the stored JSON of the events.

    Read as the JSON stood at version 1 (never through today's codec, which may change). A row
    that does not parse is left as it is: reading it names it, as before; the migration must not
    lock the user out of their data for it.
    """
    numbers: list[tuple[str, int]] = []
    mentions: list[tuple[int, int, str]] = []
    rows = conn.execute("SELECT id, case_id, kind, data FROM events "
                        "WHERE kind IN ('invoice', 'payment', 'reminder', 'credit_note')")
    for row_id, case_id, kind, data in rows:
        try:
            value = json.loads(data) if isinstance(data, str) else None
        except (ValueError, RecursionError):
            continue
        if not isinstance(value, dict):
            continue
        if kind == "invoice":
            if isinstance(value.get("number"), str):
                numbers.append((value["number"], row_id))
            continue
        named = value.get("invoices") if kind in ("payment", "reminder") else [value.get("invoice")]
        if isinstance(named, list):
            mentions.extend((row_id, case_id, n) for n in named if isinstance(n, str) and n)
    conn.executemany("UPDATE events SET invoice_number = ? WHERE id = ?", numbers)
    conn.executemany("INSERT OR IGNORE INTO invoice_mentions (event_id, case_id, number) VALUES (?, ?, ?)",
                     mentions)


def _v2(conn: sqlite3.Connection) -> None:
    for statement in statements(V2_SQL):
        conn.execute(statement)
    v2_fill(conn)


# Version 3: what the case list needs to stay cheap on a large case (issue 12). The claims engine reads
# only invoices, credit notes and payments: an index by kind reaches them without walking the case.
# ``case_changes`` counts, per case, every write to the case's row, events, exhibits and links
# (``revision``) and those that can change what is owed (``claims``: the case row, whose contract sets
# the terms, and the events of the kinds above, but not a change of their title or description alone).
# These steps are version 3 as released: a change of the claim kinds is a new version. Triggers keep the counts, so that every writer —
# this process, the ``dossier`` command beside a window, a future code path — moves them in the same
# transaction as its write. The table has no foreign key on purpose: a case's count outlives the case,
# so a new case given a deleted case's id never shows a token the old one had.
CLAIM_KINDS = ("invoice", "credit_note", "payment")



def _claim_kind(row: str) -> str:
    # Spelt as comparisons: "kind IN (…)" builds a small table on every run of a trigger (twice the cost).
    return "(" + " OR ".join(f"{row}.kind = '{kind}'" for kind in CLAIM_KINDS) + ")"



# Retitling an invoice or describing a payment leaves what is owed as it was: the descriptive fields
# set aside, the rest of the stored JSON is compared (any change when a side is not JSON).
_DESCRIPTIVE = "'$.title', '$.description', '$.tags', '$.key_fact', '$.actor'"
_CLAIM_DATA_CHANGED = (
    "(NEW.kind IS NOT OLD.kind OR CASE WHEN json_valid(NEW.data) AND json_valid(OLD.data) "
    f"THEN json_remove(NEW.data, {_DESCRIPTIVE}) IS NOT json_remove(OLD.data, {_DESCRIPTIVE}) ELSE 1 END)")


def _bump(case_id: str, claims: str) -> str:
    return f"UPDATE case_changes SET revision = revision + 1, claims = claims + ({claims}) WHERE case_id = {case_id}"


def _trigger(name: str, event: str, table: str, case_id: str, claims: str, when: str = "") -> str:
    condition = f" WHEN {when}" if when else ""
    return f"CREATE TRIGGER {name} AFTER {event} ON {table}{condition} BEGIN {_bump(case_id, claims)}; END"


def _link_trigger(name: str, event: str, row: str) -> str:
    # A link's case is its exhibit's; when the exhibit itself goes, its own trigger counted it.
    case_id = f"(SELECT case_id FROM exhibits WHERE id = {row}.exhibit_id)"
    return _trigger(name, event, "links", case_id, "0", when=f"{case_id} IS NOT NULL")


V3_STEPS = [
    "CREATE INDEX events_by_kind ON events (case_id, kind)",
    """CREATE TABLE case_changes (
        case_id INTEGER PRIMARY KEY,
        revision INTEGER NOT NULL DEFAULT 0,
        claims INTEGER NOT NULL DEFAULT 0
    )""",
    "INSERT INTO case_changes (case_id) SELECT id FROM cases",
    # The one place a count is created: every other trigger moves an existing one (cheaper per row).
    "CREATE TRIGGER case_inserted AFTER INSERT ON cases BEGIN "
    "INSERT INTO case_changes (case_id, revision, claims) VALUES (NEW.id, 1, 1) "
    "ON CONFLICT (case_id) DO UPDATE SET revision = revision + 1, claims = claims + 1; END",
    _trigger("case_updated", "UPDATE", "cases", "NEW.id", "1"),
    _trigger("case_deleted", "DELETE", "cases", "OLD.id", "1"),
    _trigger("event_inserted", "INSERT", "events", "NEW.case_id", _claim_kind("NEW")),
    _trigger("event_updated", "UPDATE", "events", "NEW.case_id",
             f"({_claim_kind('NEW')} OR {_claim_kind('OLD')}) AND {_CLAIM_DATA_CHANGED}"),
    _trigger("event_deleted", "DELETE", "events", "OLD.case_id", _claim_kind("OLD")),
    _trigger("exhibit_inserted", "INSERT", "exhibits", "NEW.case_id", "0"),
    _trigger("exhibit_updated", "UPDATE", "exhibits", "NEW.case_id", "0"),
    _trigger("exhibit_deleted", "DELETE", "exhibits", "OLD.case_id", "0"),
    _link_trigger("link_inserted", "INSERT", "NEW"),
    _link_trigger("link_updated", "UPDATE", "NEW"),
    _link_trigger("link_deleted", "DELETE", "OLD"),
]


def _v3(conn: sqlite3.Connection) -> None:
    for statement in V3_STEPS:
        conn.execute(statement)


# Version 4: whether an animated image prints each of its images as a page (issue 14), rather than
# its first one alone. Every exhibit of an older store keeps what it printed: its first image.
V4_SQL = "ALTER TABLE exhibits ADD COLUMN all_frames INTEGER NOT NULL DEFAULT 0"


def _v4(conn: sqlite3.Connection) -> None:
    conn.execute(V4_SQL)


def statements(script: str) -> list[str]:
    # executescript() would commit behind our back; run each statement inside our transaction.
    return [s.strip() for s in script.split(";") if s.strip()]


Migration = str | Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = [V1, _v2, _v3, _v4]
SCHEMA_VERSION = len(MIGRATIONS)
