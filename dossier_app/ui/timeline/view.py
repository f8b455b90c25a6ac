"""The timeline: filter bar, band and table, kept on the same events and the same selection."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ...domain.vocabulary import ACTOR_CODES, KIND_CODES, label
from ...i18n import _
from ..exhibits.model import EXHIBIT_MIME, decode_exhibits
from ..table_model import choose_row
from .band import TimelineBand
from .filter import FilterBar, TimelineProxy
from .model import (
    ACTOR,
    AMOUNT,
    DATE,
    EVENT_ID_ROLE,
    EXHIBITS,
    KEY,
    KIND,
    TITLE,
    TimelineModel,
)

if TYPE_CHECKING:
    from ...services.timeline import SearchIndex, TimelineRow


def dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


class TimelineTable(QTableView):
    """Accepts files (to import and link) and exhibits (to link) dropped onto an event's row."""

    files_dropped = Signal(list, str)  # paths, event id
    exhibits_dropped = Signal(list, str)  # sha256s, event id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def _event_at(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        index = self.indexAt(event.position().toPoint())
        return index.data(EVENT_ID_ROLE) if index.isValid() else None

    def _acceptable(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> bool:
        data = event.mimeData()
        return data.hasUrls() or data.hasFormat(EXHIBIT_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._acceptable(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._acceptable(event):
            event.ignore()
            return
        event_id = self._event_at(event)
        if event.mimeData().hasFormat(EXHIBIT_MIME) and event_id is None:
            event.ignore()  # an exhibit links to an event: it must be dropped on one
            return
        if event_id is not None:
            self.selectRow(self.indexAt(event.position().toPoint()).row())
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        event_id = self._event_at(event)
        shas = decode_exhibits(event.mimeData())
        if shas and event_id:
            self.exhibits_dropped.emit(shas, event_id)
            event.setDropAction(Qt.DropAction.LinkAction)
            event.accept()
            return
        paths = dropped_paths(event)
        if paths:
            self.files_dropped.emit(paths, event_id or "")
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        event.ignore()


class TimelinePanel(QWidget):
    selection_changed = Signal(object)  # event id or None
    event_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.proxy = TimelineProxy(self.model, self)
        self.filter_bar = FilterBar()
        self.band = TimelineBand()
        self.table = TimelineTable()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control; the arrows move inside
        self.table.setAccessibleName(_("Chronologie"))
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Fixed row heights let the view skip measuring 100 000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        # The kind and actor columns as wide as their longest word in this language (and its icon).
        metrics = self.table.fontMetrics()
        kinds = max(metrics.horizontalAdvance(label(k, short=True)) for k in KIND_CODES) + 40
        actors = max(metrics.horizontalAdvance(label(a)) for a in ACTOR_CODES) + 16
        for column, width in ((DATE, 118), (KIND, max(118, kinds)), (ACTOR, max(104, actors)), (AMOUNT, 96),
                              (EXHIBITS, 60), (KEY, 36)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.band)
        layout.addWidget(self.table, 1)
        self.filter_bar.changed.connect(self.proxy.set_filter)
        self.proxy.filtered.connect(self._refilter_views)
        self.band.event_clicked.connect(self.select_event)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        # A double-click (or Enter, or a single click where the desktop says so) activates a row once;
        # listening to doubleClicked as well would open a second form behind the first.
        self.table.activated.connect(self._activated)
        self.coming = 0
        self._band_pending = False
        self._band_rows: list[TimelineRow] | None = None  # a large case's first page, for the band after the first paint
        self._painted = False
        self._after_paint: list[Callable[[], object]] = []
        self.table.viewport().installEventFilter(self)

    # --- content ---------------------------------------------------------------------------
    def set_rows(self, rows: list[TimelineRow], coming: int = 0, index: SearchIndex | None = None,
                 tags: list[str] | None = None) -> None:
        """New rows (``coming``: how many the case has, when the rest is still being read; ``tags``: theirs).

        After an edit the selection follows its event.
        """
        keep = self.selected_event_id()
        self.coming = coming
        if coming and not self._painted:
            # A large case's first page: the table is painted first, the band's marks of these rows
            # just after (its lanes are painted empty meanwhile); the whole case's follow anyway.
            self.band.wait_for_rows()
            self._band_rows = rows
            self.after_first_paint(self._give_band_its_rows)
        else:
            self._band_rows = None
            self.band.set_rows_later(rows)
        self.proxy.replace_rows(rows, index)
        header = self.table.horizontalHeader()
        order = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        if order != (DATE, Qt.SortOrder.AscendingOrder):
            self.proxy.sort(*order)  # the filter's answers and search texts follow the rows
        self.filter_bar.set_tags(tags or [])
        if keep is not None:
            self.select_event(keep)

    def update_events(self, updates: Mapping[str, TimelineRow | None]) -> None:
        """Some events added, changed or removed (None); the others are neither read nor filtered again,
        and the selection and the scroll stay where they were."""
        header = self.table.horizontalHeader()
        self.proxy.patch(updates, header.sortIndicatorSection(),
                         header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        self._band_rows = None
        self.band.set_rows_later(self.model.rows)
        known = set(self.filter_bar.tags())
        new_tags = {tag for row in updates.values() if row is not None for tag in row.tags} - known
        if new_tags:
            self.filter_bar.set_tags(sorted(known | new_tags, key=str.casefold))

    def start_afresh(self) -> None:
        """Another case: no filter, no selection, nothing drawn twice."""
        self.filter_bar.clear(emit=False)
        self.proxy.forget_filter()

    def _give_band_its_rows(self) -> None:
        rows, self._band_rows = self._band_rows, None
        if rows is not None:  # else newer rows went to the band meanwhile
            self.band.set_rows_later(rows)
            self._refilter_band()

    def after_first_paint(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the table has been painted (at once if it has been)."""
        if self._painted:
            action()
        else:
            self._after_paint.append(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            # Once this paint is over: work started now would slow the first paint down.
            for action in self._after_paint:
                QTimer.singleShot(0, action)
            self._after_paint = []
        return False

    def _refilter_views(self) -> None:
        self.filter_bar.set_count(self.proxy.rowCount(), self.model.rowCount(), self.coming)
        if not self._band_pending:
            # The band follows once the table has shown the rows: two short waits, not one long one.
            self._band_pending = True
            QTimer.singleShot(0, self._refilter_band)

    def _refilter_band(self) -> None:
        self._band_pending = False
        self.band.set_hidden(*self.proxy.hidden())
        self.band.select(self.selected_event_id())

    # --- selection -------------------------------------------------------------------------
    def selected_event_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return str(index.data(EVENT_ID_ROLE))

    def select_event(self, event_id: str) -> bool:
        row = self.proxy.proxy_row_of(event_id)
        if row is None:
            return False
        choose_row(self.table, self.proxy.index(row, TITLE))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        event_id = current.data(EVENT_ID_ROLE) if current.isValid() else None
        self.band.select(event_id)
        self.selection_changed.emit(event_id)

    def _activated(self, index: QModelIndex) -> None:
        event_id = index.data(EVENT_ID_ROLE)
        if event_id:
            self.event_activated.emit(event_id)
