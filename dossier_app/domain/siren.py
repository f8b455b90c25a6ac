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
    from .i18n import t

    digits = normalize_siren(text)
    if not digits.isdigit() or len(digits) != 9:
        return t(f"« {text} » n'est pas un SIREN : il faut 9 chiffres",
                 f"\"{text}\" is not a SIREN: it needs 9 digits")
    if not luhn_ok(digits):
        return t(f"« {text} » n'est pas un SIREN valide (clé de contrôle fausse) : vérifiez les chiffres",
                 f"\"{text}\" is not a valid SIREN (wrong check digit): check the digits")
    return None
