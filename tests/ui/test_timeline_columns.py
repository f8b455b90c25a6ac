"""The timeline's kind and actor columns show their words whole, in French and in English (the
unified "Correspondance" was cut to "Corresponda…" in a fixed-width column)."""

from __future__ import annotations

import pytest

from dossier_app import i18n
from dossier_app.services.demo import create_demo


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_kinds_and_actors_are_never_cut(open_window, store, qtbot, lang: str) -> None:
    from dossier_app.ui.timeline.model import ACTOR, KIND

    with i18n.using(lang):
        case_id = create_demo(store)
        window = open_window(str(case_id))
        window.show()
        qtbot.waitExposed(window)
        table = window.timeline.table
        metrics = table.fontMetrics()
        model = table.model()
        cut = []
        for row in range(model.rowCount()):
            for column, room in ((KIND, table.columnWidth(KIND) - 30), (ACTOR, table.columnWidth(ACTOR) - 10)):
                text = model.index(row, column).data() or ""
                if metrics.horizontalAdvance(text) > room:
                    cut.append(text)
        assert cut == []
