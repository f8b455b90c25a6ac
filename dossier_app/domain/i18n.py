"""French first, English second: every user-facing sentence is written in both.

The language is chosen once per process (``set_language``); the default follows
``DOSSIER_LANG`` then ``LANG``, and is French unless English is asked for.
"""

from __future__ import annotations

import os

_language: str | None = None


def _from_environment() -> str:
    for var in ("DOSSIER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def language() -> str:
    global _language
    if _language is None:
        _language = _from_environment()
    return _language


def set_language(lang: str | None) -> None:
    """Force ``"fr"`` or ``"en"``; ``None`` goes back to the environment's choice."""
    global _language
    if lang not in (None, "fr", "en"):
        raise ValueError(f"unknown language {lang!r}")
    _language = lang


def t(fr: str, en: str) -> str:
    """Pick the sentence in the current language."""
    return en if language() == "en" else fr
