"""What the Demandes and Clauses tabs share: a list of drafts, each of a kind that shows only its own
fields, one of them edited at a time below the list.

``DraftList`` is a mixin for a QWidget that has ``list`` (a QListWidget), ``kind`` (a QComboBox of
kinds), ``fields`` (name → field widget with ``edit`` and ``show_error``) and ``drafts``; the widget
says how a draft reads in the list (``_line``), how a row is shown (``_show_row``, ``_show_fields``) and
what typing does (``_typed``).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtWidgets import QComboBox, QListWidget


@dataclass
class Draft:
    """One entry as typed: its kind, each field's text, the problems found in it."""

    FIELD_NAMES: ClassVar[tuple[str, ...]] = ()

    kind: str
    texts: dict[str, str] = field(default_factory=dict)
    keep: frozenset[str] = frozenset()  # fields of another kind it came with from a file: shown, kept
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def own_fields(cls, kind: str) -> set[str]:
        """The fields a ``kind`` has."""
        raise NotImplementedError

    def shown(self) -> tuple[str, ...]:
        own = self.own_fields(self.kind)
        return tuple(name for name in self.FIELD_NAMES if name in own or name in self.keep)


class DraftList:
    list: QListWidget
    kind: QComboBox
    fields: dict[str, Any]
    drafts: builtins.list[Any]  # ``list`` here is the widget
    _loading: bool

    def _line(self, index: int, draft: Any) -> str:
        raise NotImplementedError

    def _show_row(self, row: int) -> None:
        raise NotImplementedError

    def _show_fields(self, draft: Any) -> None:
        raise NotImplementedError

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.drafts[row]
        self._rebuild(min(row, len(self.drafts) - 1))

    def _rebuild(self, current: int) -> None:
        self._loading = True
        self.list.clear()
        for index, draft in enumerate(self.drafts):
            self.list.addItem(self._line(index, draft))
            self.list.item(index).setToolTip(self.list.item(index).text())
        self._loading = False
        self.list.setCurrentRow(current)
        self._show_row(current)

    def _refresh_line(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None:
            item.setText(self._line(row, self.drafts[row]))
            item.setToolTip(item.text())

    def _row_changed(self, row: int) -> None:
        if not self._loading:
            self._show_row(row)

    def current(self) -> Any:
        row = self.list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _kind_changed(self) -> None:
        draft = self.current()
        if self._loading or draft is None:
            return
        draft.kind = self.kind.currentData()
        draft.errors.clear()
        for widget in self.fields.values():
            widget.show_error(None)
        self._show_fields(draft)
        self._refresh_line(self.list.currentRow())

    def reveal_row(self, row: int) -> None:
        """Select the entry ``row`` and put the cursor in its first wrong field."""
        self.list.setCurrentRow(row)
        self._show_row(row)
        draft = self.drafts[row]
        name = next((n for n in draft.shown() if n in draft.errors), None)
        (self.fields[name].edit if name else self.kind).setFocus()

    def first_wrong_row(self) -> int | None:
        return next((row for row, draft in enumerate(self.drafts) if draft.errors), None)

    def drafts_state(self) -> tuple[object, ...]:
        """What the user can have typed in the drafts, to tell whether the form has changes."""
        return tuple((d.kind, tuple(sorted((k, v) for k, v in d.texts.items() if v))) for d in self.drafts)
