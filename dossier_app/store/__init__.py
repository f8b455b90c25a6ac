"""The case store: one SQLite database and a folder of content-addressed exhibit files."""

from .database import Store, open_store

__all__ = ["Store", "open_store"]
