"""The interchange format round-trips: decode(encode(case)) is the same case, for any case."""

from __future__ import annotations

from hypothesis import given, settings

from dossier_app.domain.codec import decode_document, encode_document
from tests.support.strategies import case_files


@settings(max_examples=150, deadline=None)
@given(case_files())
def test_encode_decode_encode_is_stable(case_file) -> None:
    paths = {x.sha256: f"files/{x.original_name}" for x in case_file.exhibits}
    document = encode_document(case_file, paths)
    decoded = decode_document(document)
    assert decoded.problems == ()
    assert decoded.case == case_file.case
    assert decoded.events == case_file.events
    assert tuple(x.exhibit for x in decoded.exhibits) == tuple(
        x.__class__(**{**x.__dict__, "original_name": x.original_name}) for x in case_file.exhibits)
    again = encode_document(type(case_file)(decoded.case, decoded.events,
                                            tuple(x.exhibit for x in decoded.exhibits)), paths)
    assert again == document
