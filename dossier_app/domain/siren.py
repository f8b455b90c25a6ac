"""SIREN numbers: nine digits whose Luhn key is valid."""

from __future__ import annotations


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalize_siren(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def siren_problem(text: str) -> str | None:
    """Why this is not a SIREN, or ``None`` if it is one."""
    from ..i18n import _

    digits = normalize_siren(text)
    if not digits.isdigit() or len(digits) != 9:
        return _("« {text} » n'est pas un SIREN : il faut 9 chiffres").format(text=text)
    if not luhn_ok(digits):
        return _("« {text} » n'est pas un SIREN valide (clé de contrôle fausse) : vérifiez les chiffres").format(text=text)
    return None
