"""The timeline's proxy (filtering done by ``services.timeline.filter_rows``) and its filter bar."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import parse_user_day
from ...domain.vocabulary import ACTOR_CODES, KIND_CODES, label
from ...i18n import _
from ...services.timeline import EventFilter, SearchIndex, TimelineRow, filter_rows, search_text
from ..flow_layout import flow_row
from ..kind_style import kind_icon
from .model import Index, TimelineModel


class TimelineProxy(QAbstractTableModel):
    """The rows the filter keeps, in the model's order: a list of the model's row numbers.

    Not a ``QSortFilterProxyModel``: that one asks Python about each of a hundred thousand rows at
    every filter and every sort, and keeps its own mapping of them.  Here the filter is worked out
    in one pass (``services.timeline.filter_rows``), the rows shown are the model's numbers it
    keeps, and the table hears one layout change, the selection following its events.
    """

    filtered = Signal()

    def __init__(self, model: TimelineModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model
        self._filter = EventFilter()
        self._keep: list[bool] | None = None  # by model row; None: every row
        self._index: SearchIndex | None = None
        self._visible: list[int] = []  # model rows shown, in increasing order

    # --- the model Qt sees -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._model.columnCount()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._model.headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self._model.flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        return self._model.cell(self._visible[index.row()], index.column(), role)

    # --- what is shown ---------------------------------------------------------------------------
    def forget_filter(self) -> None:
        """No filter for the next rows (a case being opened), without filtering the current ones."""
        self._filter = EventFilter()

    def set_filter(self, flt: EventFilter) -> None:
        self._filter = flt

        def refilter() -> None:
            self._keep = self._compute(self._model.rows)
        self._relayout(refilter)
        self.filtered.emit()

    def replace_rows(self, rows: list[TimelineRow], index: SearchIndex | None = None) -> None:
        """New rows for the model, filtered before the table sees them (``index``: their search texts)."""
        if index is not None:
            self._index = index
        self.beginResetModel()
        self._keep = self._compute(rows)
        self._model.set_rows(rows)
        self._show_kept()
        self.endResetModel()
        self.filtered.emit()

    def _compute(self, rows: list[TimelineRow]) -> list[bool] | None:
        if self._filter.empty:
            return None
        if self._index is None or self._index.rows is not rows:
            self._index = SearchIndex(rows)
        return filter_rows(rows, self._filter, self._index)

    def _show_kept(self) -> None:
        count = len(self._model.rows)
        keep = self._keep
        self._visible = list(range(count)) if keep is None else list(compress(range(count), keep))

    def _relayout(self, change: Callable[[], None], moved: list[int] | None = None) -> None:
        """The rows shown change all at once (filter, sort): one layout change, the selection and the
        current row following their events.  ``moved``: each model row's new number, when ``change``
        reorders the model (a sort); a filter moves none."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        visible = self._visible
        sources = [visible[i.row()] if i.isValid() and i.row() < len(visible) else None for i in persistent]
        change()
        self._show_kept()
        places = []
        for old, source in zip(persistent, sources, strict=True):
            row = None if source is None else self._shown_at(moved[source] if moved is not None else source)
            places.append(self.index(row, old.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, places)
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        order_ = self._model.order_for(column, order)

        def reorder() -> None:
            # The filter's answers and the search texts follow their rows.
            if self._keep is not None:
                keep = self._keep
                self._keep = [keep[i] for i in order_]
            if self._index is not None and self._index.rows is self._model.rows and self._index._texts is not None:
                texts = self._index._texts
                self._model.reorder(order_)
                self._index = SearchIndex(self._model.rows, [texts[i] for i in order_])
            else:
                self._index = None
                self._model.reorder(order_)
        moved = [0] * len(order_)
        for new, old in enumerate(order_):
            moved[old] = new
        self._relayout(reorder, moved)

    # --- a few rows changed ------------------------------------------------------------------------
    def patch(self, updates: Mapping[str, TimelineRow | None], column: int, descending: bool) -> None:
        """Some events added, changed or removed (None), the rest untouched: the rows of a large case
        are not read again, nor filtered again, and the selection and the scroll stay where they are."""
        model = self._model
        index = self._index
        texts = index._texts if index is not None and index.rows is model.rows else None
        flt = self._filter

        def accepted(row: TimelineRow) -> bool:
            return flt.empty or filter_rows([row], flt, SearchIndex([row]))[0]

        for event_id, row in updates.items():
            at = model.row_of(event_id)
            if at is not None and row is not None and model.place_for(row, column, descending, where=at) == at:
                self._change(at, row, accepted(row), texts)
                continue
            if at is not None:
                self._take(at, texts)
            if row is not None:
                self._put(model.place_for(row, column, descending), row, accepted(row), texts)
        self.filtered.emit()

    def _change(self, at: int, row: TimelineRow, kept: bool, texts: list[str] | None) -> None:
        def along(i: int) -> None:
            if self._keep is not None:
                self._keep[i] = kept
            if texts is not None:
                texts[i] = search_text(row)
        self._model.change_row(at, row, along)
        shown = self._shown_at(at)
        if shown is not None and kept:
            self.dataChanged.emit(self.index(shown, 0), self.index(shown, self.columnCount() - 1))
        elif shown is not None:
            self.beginRemoveRows(QModelIndex(), shown, shown)
            del self._visible[shown]
            self.endRemoveRows()
        elif kept:
            place = bisect_left(self._visible, at)
            self.beginInsertRows(QModelIndex(), place, place)
            self._visible.insert(place, at)
            self.endInsertRows()

    def _take(self, at: int, texts: list[str] | None) -> None:
        shown = self._shown_at(at)
        if shown is not None:
            self.beginRemoveRows(QModelIndex(), shown, shown)

        def along(i: int) -> None:
            if self._keep is not None:
                del self._keep[i]
            if texts is not None:
                del texts[i]
        self._model.take_row(at, along)
        if shown is not None:
            del self._visible[shown]
        self._visible = [v - 1 if v > at else v for v in self._visible]
        if shown is not None:
            self.endRemoveRows()

    def _put(self, at: int, row: TimelineRow, kept: bool, texts: list[str] | None) -> None:
        def along(i: int) -> None:
            if self._keep is not None:
                self._keep.insert(i, kept)
            if texts is not None:
                texts.insert(i, search_text(row))
        self._model.put_row(at, row, along)
        self._visible = [v + 1 if v >= at else v for v in self._visible]
        if kept:
            place = bisect_left(self._visible, at)
            self.beginInsertRows(QModelIndex(), place, place)
            self._visible.insert(place, at)
            self.endInsertRows()

    # --- questions ---------------------------------------------------------------------------------
    def _shown_at(self, model_row: int) -> int | None:
        visible = self._visible
        place = bisect_left(visible, model_row)
        return place if place < len(visible) and visible[place] == model_row else None

    def proxy_row_of(self, event_id: str) -> int | None:
        source = self._model.row_of(event_id)
        return None if source is None else self._shown_at(source)

    def hidden(self) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """(ids hidden, ids shown): whichever is shorter is given, the other is None."""
        keep = self._keep
        if keep is None:
            return frozenset(), None
        rows = self._model.rows
        shown = len(self._visible)
        if shown * 2 < len(keep):
            return None, frozenset([rows[i].id for i in self._visible])
        return frozenset([r.id for r, ok in zip(rows, keep, strict=True) if not ok]), None

    def visible_rows(self) -> list[TimelineRow]:
        rows = self._model.rows
        return [rows[i] for i in self._visible]


class FilterBar(QWidget):
    """Kinds, actor, tag, text, date range, key facts only, not proven by any exhibit."""

    changed = Signal(object)  # EventFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.text = QLineEdit()
        self.text.setPlaceholderText(_("Rechercher (Ctrl+F)\u2026"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(160)
        self.kinds_button = QToolButton()
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds_menu = QMenu(self.kinds_button)
        self.kind_actions: dict[str, QAction] = {}
        for kind in KIND_CODES:
            action = self.kinds_menu.addAction(label(kind))
            action.setCheckable(True)
            action.toggled.connect(self._emit)
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(self.kinds_menu)
        # The icons are drawn when the menu first opens, not while the window is being built.
        self.kinds_menu.aboutToShow.connect(self._draw_kind_icons)
        self.actor = QComboBox()
        self.actor.addItem(_("Tout le monde"), None)
        for actor in ACTOR_CODES:
            self.actor.addItem(label(actor), actor)
        self.tag = QComboBox()
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(_("Du\u2026"))
        self.date_from.setToolTip(_("Depuis cette date (ex. 01/03/2024)"))
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(_("Au\u2026"))
        self.date_to.setToolTip(_("Jusqu'à cette date (ex. 31/12/2024)"))
        self._tips = {edit: edit.toolTip() for edit in (self.date_from, self.date_to)}
        for edit in (self.date_from, self.date_to):
            edit.setFixedWidth(92)
        self.key_only = QCheckBox(_("Faits clés"))
        self.key_only.setToolTip(_("Ne montrer que les faits clés"))
        self.unproven = QCheckBox(_("Sans pièce"))
        self.unproven.setToolTip(_("Ne montrer que les événements qu'aucune pièce ne prouve"))
        self.clear_button = QToolButton()
        self.clear_button.setText(_("Tout afficher"))
        self.count = QLabel()
        # The search box on its own line, the rest in a row that wraps: the window fits a 1366-pixel
        # laptop screen whatever the length of the words.
        first = QHBoxLayout()
        first.addWidget(self.text, 1)
        first.addWidget(self.count)
        controls, row = flow_row()
        for widget in (self.kinds_button, self.actor, self.tag, self.date_from, self.date_to, self.key_only,
                       self.unproven, self.clear_button):
            row.addWidget(widget)
        layout.addLayout(first)
        layout.addWidget(controls)
        self.set_tags([])
        self.text.textChanged.connect(self._emit)
        self.actor.currentIndexChanged.connect(self._emit)
        self.tag.currentIndexChanged.connect(self._emit)
        self.date_from.textChanged.connect(self._emit)
        self.date_to.textChanged.connect(self._emit)
        self.key_only.toggled.connect(self._emit)
        self.unproven.toggled.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self._update_kinds_text()

    def _draw_kind_icons(self) -> None:
        for kind, action in self.kind_actions.items():
            if action.icon().isNull():
                action.setIcon(kind_icon(kind))

    def tags(self) -> list[str]:
        """The tags offered (the first entry is "every tag")."""
        return [self.tag.itemData(i) for i in range(1, self.tag.count())]

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(_("Tous les mots-clés"), None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        found = self.tag.findData(current) if current is not None else 0
        self.tag.setCurrentIndex(max(found, 0))
        self.tag.blockSignals(False)
        self.tag.setEnabled(bool(tags))

    def set_count(self, shown: int, total: int, coming: int = 0) -> None:
        if coming > total:
            self.count.setText(_("lecture de {coming} événements\u2026").format(coming=coming))
            return
        self.count.setText(_("{shown} sur {total}").format(shown=shown, total=total) if shown != total
                           else _("{total} événements").format(total=total))

    def clear(self, emit: bool = True) -> None:
        widgets = [self.text, self.actor, self.tag, self.date_from, self.date_to, self.key_only, self.unproven,
                   *self.kind_actions.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.text.clear()
        self.actor.setCurrentIndex(0)
        self.tag.setCurrentIndex(0)
        self.date_from.clear()
        self.date_to.clear()
        self.key_only.setChecked(False)
        self.unproven.setChecked(False)
        for action in self.kind_actions.values():
            action.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        if emit:
            self._emit()
        else:
            self._update_kinds_text()

    def current(self) -> EventFilter:
        return EventFilter(
            kinds=frozenset(k for k, a in self.kind_actions.items() if a.isChecked()),
            actor=self.actor.currentData(),
            tag=self.tag.currentData(),
            text=self.text.text(),
            date_from=self._day(self.date_from),
            date_to=self._day(self.date_to),
            key_facts_only=self.key_only.isChecked(),
            unproven_only=self.unproven.isChecked(),
        )

    def _day(self, edit: QLineEdit) -> Any:
        text = edit.text().strip()
        if not text:
            edit.setStyleSheet("")
            edit.setToolTip(self._tips[edit])
            return None
        try:
            day = parse_user_day(text)
        except ValueError as exc:
            # An unfinished date filters nothing yet; the red frame says why.
            edit.setStyleSheet("QLineEdit { border: 1px solid #cc2936; }")
            edit.setToolTip(str(exc))
            return None
        edit.setStyleSheet("")
        edit.setToolTip(self._tips[edit])
        return day

    def _emit(self, *_: object) -> None:
        self._update_kinds_text()
        self.changed.emit(self.current())

    def _update_kinds_text(self) -> None:
        chosen = [k for k, a in self.kind_actions.items() if a.isChecked()]
        if not chosen:
            self.kinds_button.setText(_("Tous les types"))
        elif len(chosen) == 1:
            self.kinds_button.setText(label(chosen[0], short=True))
        else:
            self.kinds_button.setText(_("{chosen_count} types").format(chosen_count=len(chosen)))
