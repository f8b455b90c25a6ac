"""The case as the paper shows it: names and titles that no page could hold are cut, with "…".

A title or a name is a label: real ones are a line or two. The store keeps up to 100 000 characters
(``MAX_TEXT``), and reportlab lays a label out again on every page it is cut across and in every
build of the layout: a party named with 100 000 characters took a minute to export.  Summaries and
descriptions are prose and are printed whole (in pieces, see ``words.blocks``).
"""

from __future__ import annotations

import dataclasses

from ..domain.model import CaseFile, Counsel, Party

LABEL = 1000


def label(text: str | None) -> str | None:
    if text is None or len(text) <= LABEL:
        return text
    return text[:LABEL - 1].rstrip() + "…"


def _party(party: Party) -> Party:
    return dataclasses.replace(party, name=label(party.name) or "", legal_form=label(party.legal_form),
                               siren=label(party.siren), address=label(party.address),
                               representative=label(party.representative))


def _counsel(counsel: Counsel | None) -> Counsel | None:
    if counsel is None:
        return None
    return dataclasses.replace(counsel, name=label(counsel.name) or "", firm=label(counsel.firm),
                               email=label(counsel.email), phone=label(counsel.phone), city=label(counsel.city),
                               bar=label(counsel.bar))


def paper_copy(case_file: CaseFile) -> CaseFile:
    case = case_file.case
    case = dataclasses.replace(case, title=label(case.title) or "", us=_party(case.us), them=_party(case.them),
                               court=label(case.court), docket=label(case.docket),
                               procedure=label(case.procedure), counsel=_counsel(case.counsel),
                               opposing_counsel=_counsel(case.opposing_counsel))
    events = tuple(e if len(e.title) <= LABEL else dataclasses.replace(e, title=label(e.title) or "")
                   for e in case_file.events)
    exhibits = tuple(x if len(x.title) <= LABEL else dataclasses.replace(x, title=label(x.title) or "")
                     for x in case_file.exhibits)
    return dataclasses.replace(case_file, case=case, events=events, exhibits=exhibits)
