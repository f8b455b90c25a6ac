"""The thin models on their own, without a window (as Vorta tests its archive table model)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from dossier_app.domain.money import parse_amount
from dossier_app.services.timeline import EventFilter, TimelineRow
from dossier_app.ui.cases.model import OUTSTANDING, CaseListModel
from dossier_app.ui.timeline.filter import TimelineProxy
from dossier_app.ui.timeline.marks import build_marks
from dossier_app.ui.timeline.model import (
    AMOUNT,
    DATE,
    EXHIBITS,
    KEY,
    KIND,
    SORT_ROLE,
    TimelineModel,
)


def row(event_id: str, kind: str, day: str, title: str, amount: str | None = None, exhibits: int = 0,
        key: bool = False, end: str | None = None, moment: str | None = None) -> TimelineRow:
    """A row as the store gives it: typed days, instants and cents (written here as in a case file)."""
    return TimelineRow(event_id, kind, date.fromisoformat(day), datetime.fromisoformat(moment) if moment else None,
                       title, "them", parse_amount(amount) if amount else None, key, ("tag",), None,
                       datetime.fromisoformat(end) if end else None, None, exhibits)


ROWS = [
    row("a", "invoice", "2024-03-15", "Facture 1", "1234.50", exhibits=1, key=True),
    row("b", "payment", "2024-04-20", "Virement", "500.00"),
    row("c", "outage", "2024-05-02", "Site coupé", end="2024-05-04T18:30+02:00", moment="2024-05-02T08:00"),
]


def test_timeline_model_shows_french_values(qtmodeltester):
    model = TimelineModel()
    model.set_rows(list(ROWS))
    qtmodeltester.check(model)
    assert model.index(0, DATE).data() == "15/03/2024"
    assert model.index(2, DATE).data() == "02/05/2024 08\u00a0h\u00a000"
    assert model.index(2, DATE).data(Qt.ItemDataRole.ToolTipRole).splitlines()[1] == (
        "jusqu'au 04/05/2024 à 18\u00a0h\u00a030")
    assert model.index(0, KIND).data() == "Facture"
    assert model.index(0, AMOUNT).data() == "1\u202f234,50\u00a0€"
    assert model.index(1, EXHIBITS).data() == "aucune"
    assert model.index(0, KEY).data() == "★"
    assert model.index(0, AMOUNT).data(SORT_ROLE) == 123450
    assert model.headerData(AMOUNT, Qt.Orientation.Horizontal) == "Montant"


def test_the_dates_and_amounts_follow_the_language():
    from dossier_app.i18n import using

    model = TimelineModel()
    model.set_rows(list(ROWS))
    with using("en"):
        assert model.index(2, DATE).data() == "2024-05-02 08:00"
        assert model.index(2, DATE).data(Qt.ItemDataRole.ToolTipRole).splitlines()[1] == "until 2024-05-04 at 18:30"
        assert model.index(0, AMOUNT).data() == "€1,234.50"


def test_rows_sort_by_day_then_time_of_day_whatever_their_time_zone():
    rows = [row("late", "outage", "2024-05-02", "Tard", moment="2024-05-02T18:00+02:00"),
            row("none", "note", "2024-05-02", "Sans heure"),
            row("early", "outage", "2024-05-02", "Tôt", moment="2024-05-02T07:00"),
            row("credit", "credit_note", "2024-05-01", "Avoir", amount="-20.00")]
    model = TimelineModel()
    model.set_rows(rows)
    model.sort(DATE)
    assert [r.id for r in model.rows] == ["credit", "none", "early", "late"]
    model.sort(AMOUNT, Qt.SortOrder.DescendingOrder)
    assert model.rows[0].id == "credit"
    assert model.index(0, AMOUNT).data() == "-20,00\u00a0€"


def test_proxy_filters_and_sorts_through_the_model(qtmodeltester):
    model = TimelineModel()
    proxy = TimelineProxy(model)
    proxy.replace_rows(list(ROWS))
    qtmodeltester.check(proxy)
    proxy.set_filter(EventFilter(unproven_only=True))
    assert [r.id for r in proxy.visible_rows()] == ["b", "c"]
    assert proxy.rowCount() == 2
    proxy.sort(AMOUNT, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())] == ["b", "c"]
    proxy.set_filter(EventFilter())
    assert [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(3)] == ["a", "b", "c"]


def test_case_list_model_says_when_the_amount_is_coming(qtmodeltester):
    from dossier_app.services.session import CaseLine

    model = CaseListModel()
    model.set_lines([CaseLine(1, "Martin c/ WebPlus", "Martin", "WebPlus", 5, 2)])
    qtmodeltester.check(model)
    assert model.index(0, OUTSTANDING).data() == "…"
    model.set_outstanding(1, 73450)
    assert model.index(0, OUTSTANDING).data() == "Impayé : 734,50\u00a0€"
    model.set_outstanding(1, None)
    assert model.index(0, OUTSTANDING).data() == ""


def test_band_marks_outages_as_bars_in_their_lane():
    marks, origin, last = build_marks(list(ROWS))
    assert date.fromordinal(origin) == date(2024, 3, 1)
    outage = next(m for m in marks if m.id == "c")
    assert outage.end_day is not None and outage.end_day - outage.x_day > 2
    assert {m.lane for m in marks if m.id in ("a", "b")} == {1}
    assert outage.lane == 0
    assert last >= date(2024, 5, 4).toordinal()


def _red_pixels(cents: int | None) -> int:
    from PySide6.QtGui import QColor

    from dossier_app.services.session import CaseLine
    from dossier_app.ui.cases.model import OWED_COLOUR, CaseListView

    model = CaseListModel()
    model.set_lines([CaseLine(1, "Martin c/ WebPlus", "Martin", "WebPlus", 5, 2)])
    model.set_outstanding(1, cents)
    view = CaseListView()
    view.setModel(model)
    view.resize(260, 120)
    image = view.grab().toImage()
    red = QColor(OWED_COLOUR)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            # Anti-aliased text: reddish enough, clearly more red than green and blue.
            if pixel.red() > 120 and pixel.red() - pixel.green() > 60 and pixel.red() - pixel.blue() > 50:
                count += 1
    view.deleteLater()
    assert red.red() > 120
    return count


def test_the_amount_is_red_only_when_something_is_owed(qtbot):
    assert _red_pixels(73450) > 10
    assert _red_pixels(0) == 0
    assert _red_pixels(None) == 0
