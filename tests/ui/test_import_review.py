"""The review of dropped files before they become exhibits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.domain.model import Exhibit
from dossier_app.i18n import using
from dossier_app.services.importing import ImportItem
from dossier_app.ui.importing.view import ImportReview


def test_an_emptied_title_is_said_and_blocks_adding(qtbot):
    # `_check_all(self, *_)` once hid gettext's `_`: emptying a title then raised in the slot.
    item = ImportItem(path=Path("facture.pdf"), status="add",
                      exhibit=Exhibit(sha256="0" * 64, title="Facture", original_name="facture.pdf"))
    with using("fr"):
        review = ImportReview([item])
        qtbot.addWidget(review)
        ok = review.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled()
        title = review.titles[0]
        assert title is not None
        title.setText("")
    day = review.dates[0]
    assert day is not None
    assert day.toolTip() == "Le titre ne peut pas être vide."
    assert not ok.isEnabled()


def test_a_long_review_fills_without_freezing_and_adds_only_when_every_row_is_there(qtbot):
    items = [ImportItem(path=Path(f"f{i}.pdf"), status="add",
                        exhibit=Exhibit(sha256=f"{i:064x}", title=f"Pièce {i}", original_name=f"f{i}.pdf",
                                        suggested_kind="invoice" if i % 2 else None))
             for i in range(300)]
    review = ImportReview(items)
    qtbot.addWidget(review)
    ok = review.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert len(review.titles) < 300 and not ok.isEnabled()
    qtbot.waitUntil(ok.isEnabled, timeout=5000)
    assert len(review.titles) == 300
    kinds = [combo.currentData() for combo in review.kinds]
    assert kinds[:4] == [None, "invoice", None, "invoice"]
    assert [x.exhibit.title for x in review.reviewed()][-1] == "Pièce 299"
