"""The schema and its ladder of migrations: ``MIGRATIONS[n]`` takes version n to n + 1."""

from __future__ import annotations

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

MIGRATIONS: list[str] = [V1]
SCHEMA_VERSION = len(MIGRATIONS)
