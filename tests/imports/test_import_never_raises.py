"""Whatever bytes come in, the parsers answer: no exception ever reaches the import."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier_app.imports import parse_invoice_csv, read_email
from dossier_app.imports.french_dates import date_in_file_name, find_dates
from dossier_app.imports.kinds import kind_from_text
from dossier_app.imports.text_files import decode_text

TEXTY = st.text(alphabet=st.sampled_from(list("0123456789/.-:;, \n\"'leroctbmaisfévûrLDat°")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(TEXTY)
def test_dates_and_kinds_of_any_text(text: str) -> None:
    for found in find_dates(text):
        assert date(1900, 1, 1) <= found.day <= date(2099, 12, 31)
        assert found.snippet
    kind_from_text(text)
    date_in_file_name(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_as_an_email(data: bytes) -> None:
    content = read_email(b"From: a@b\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\n" + data)
    assert isinstance(content.body, str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500))
def test_any_bytes_as_an_invoice_list(data: bytes) -> None:
    result = parse_invoice_csv("numero;date;montant_ttc;tva;ht;echeance;conteste\n" + decode_text(data))
    assert all(row.amount_incl_tax >= 0 for row in result.rows)
    assert all(problem.line >= 1 for problem in result.problems)
