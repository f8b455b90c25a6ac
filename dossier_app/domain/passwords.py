"""A PDF password as typed and as PDF 2.0 wants it (SASLprep, RFC 4013).

A PDF 2.0 file (AES-256, revision 6) keeps the password as its author's software prepared it:
non-ASCII spaces made plain spaces, soft hyphens and joiners dropped, accents composed (NFKC).
The same word typed on another keyboard, or pasted from a mail with a no-break space or a
decomposed « é », is other bytes: tried as given first, then in its prepared form.
"""

from __future__ import annotations

import stringprep
import unicodedata


def saslprep(password: str) -> str:
    """The password prepared per RFC 4013 (mapping and normalisation; nothing is refused: a
    password the rules prohibit is still tried, the file decides)."""
    mapped = []
    for char in password:
        if stringprep.in_table_b1(char):
            continue  # "commonly mapped to nothing": soft hyphen, zero-width joiners…
        mapped.append(" " if stringprep.in_table_c12(char) else char)
    return unicodedata.normalize("NFKC", "".join(mapped))


def password_forms(password: str | None) -> list[str]:
    """The forms to try, in order, without repeats: as given, then prepared."""
    given = password or ""
    forms = [given]
    for form in (saslprep(given), unicodedata.normalize("NFC", given)):
        if form not in forms:
            forms.append(form)
    return forms
