"""Part 5b: the Demandes — what we ask the judge, from the case's ``demands``; absent when there are none."""

from __future__ import annotations

from reportlab.platypus import Flowable

from .context import Dossier, Layout


def demands_story(d: Dossier, layout: Layout) -> list[Flowable]:
    return []
