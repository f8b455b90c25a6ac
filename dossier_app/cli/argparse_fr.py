"""argparse's own sentences in French, so that a French user never meets English halfway.

argparse looks its messages up through the ``_`` of its own module (gettext); giving it a
small catalogue is the documented way to translate them without a compiled ``.mo`` file.
"""

from __future__ import annotations

import argparse

from ..domain.i18n import language

FRENCH = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version et quitte",
    "the following arguments are required: %s": "il manque : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix inconnu : %(value)r (possibles : %(choices)s)",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "not allowed with argument %s": "incompatible avec %s",
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
}


def _translate(message: str) -> str:
    return FRENCH.get(message, message) if language() == "fr" else message


def install() -> None:
    argparse._ = _translate  # type: ignore[attr-defined]
