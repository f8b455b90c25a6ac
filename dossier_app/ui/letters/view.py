"""The letter dialog: its kind, date and deadline, a preview of its pages, save and add to the case."""

from __future__ import annotations
