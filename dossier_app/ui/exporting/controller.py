"""Exporting the dossier from the window: the dialog, the task behind it, what it wrote.

Export first runs the readiness check in a child process (``child_process.readiness``); the findings
that block an export (``exporting.blocking``, the rule of ``export`` and ``export --strict``) are shown
before anything is written (export anyway, or close and go to the « Vérification » tab).  Then
``exporting.export_case`` runs in a child too, from a ``workers.Task``: a progress bar naming the stage
(in the window's language) and the pièce under way (as the dossier names it), a Cancel that leaves no
file (the export writes beside the target and renames only at the end).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ...domain.bounds import EARLIEST_DAY, day_problem, latest_day
from ...domain.errors import UserError
from ...i18n import _, active, language, ngettext
from ..ask import Ask
from ..case_session import CaseSession
from ..window_actions import WindowActions, on
from ..workers import Progress, Task
from .view import ExportDialog

if TYPE_CHECKING:
    from ...domain.checks import Finding
    from ...services.exporting import ExhibitsRefused, ExportReport, ProgressStep

# Where each stage of the export falls on the one progress bar (per mille): the pages of the
# exhibits are read, the parts laid out, the pièces stamped and assembled, the file written.
SPANS = {"prepare": (0, 250), "parts": (250, 350), "assemble": (350, 900), "write": (900, 1000)}
UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class Choices:
    as_of: date
    communication: date
    lang: str
    include_exhibits: bool
    max_mb: float | None
    target: Path  # with ``split``, the folder to create (or an empty one)
    renumber: bool = False
    split: bool = False  # the bordereau and one PDF per pièce (``export --split``)
    bordereau: int = 1  # a complementary bordereau: its number (``--bordereau``) …
    complement_from: int | None = None  # … and its first pièce (``--from``)


def file_name(title: str) -> str:
    """A file name from the case's title: what a file system refuses replaced, spaces kept."""
    name = " ".join(UNSAFE.sub("-", title).split()).strip(" .-")
    return (name or "dossier")[:120] + ".pdf"


class ExportController(QObject):
    """``ended`` says how the last export ended: "written", "cancelled", "refused" or "failed"."""

    ended = Signal(str)
    fix_asked = Signal()  # "Corriger d'abord": the window shows the readiness tab

    def __init__(self, session: CaseSession, ask: Ask, settings: QSettings, status: Callable[[str], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.ask, self.settings, self.status = session, ask, settings, status
        self.dialog: ExportDialog | None = None
        self.task: Task | None = None
        self.choices: Choices | None = None
        self.report: ExportReport | None = None
        # The name the Save dialog returned, unchanged: it asked itself before replacing that file.
        self._chosen_by_dialog: Path | None = None
        self._following = True  # the communication date follows the as-of date until changed by hand
        self._syncing = False

    def register(self, a: WindowActions) -> None:
        on(a.export_dossier, self.open_dialog)
        self.session.opened.connect(lambda case_id: a.export_dossier.setEnabled(case_id is not None))
        a.export_dossier.setEnabled(self.session.case_id is not None)
        # The readiness tab is the readiness feature's: its own action shows it.
        self.fix_asked.connect(a.show_readiness.trigger)

    def shutdown(self) -> None:
        if self.task is not None and self.task.running:
            self.task.wait()  # cancelled: the export removes what it had begun
        if self.dialog is not None:
            self.dialog.running = False
            self.dialog.close()

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    # The dialog.

    def open_dialog(self) -> None:
        if self.session.case_id is None:
            self.ask.error(_("Ouvrez d'abord une affaire à exporter."))
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        parent = self.parent()
        dialog = ExportDialog(parent if isinstance(parent, QWidget) else None)
        self.dialog, self.report, self._chosen_by_dialog, self._following = dialog, None, None, True
        today = date.today()
        for field in (dialog.as_of, dialog.communication):
            field.set_range(EARLIEST_DAY, latest_day(today))
            field.problem = lambda day: day_problem(day, today)
            field.set_day(today)
        dialog.language.setCurrentIndex(max(0, dialog.language.findData(language())))
        dialog.max_mb.setText(str(self.settings.value("export/max_mb", "") or ""))
        dialog.complement_from.setValue(self._last_number())
        dialog.target.setText(str(self.default_target()))
        dialog.as_of.day_changed.connect(self._as_of_changed)
        dialog.communication.day_changed.connect(self._communication_changed)
        dialog.target.textEdited.connect(lambda _text: setattr(self, "_chosen_by_dialog", None))
        dialog.browse.clicked.connect(self._browse)
        dialog.split.toggled.connect(self._split_toggled)
        dialog.export.clicked.connect(self._check_first)
        dialog.export_anyway.clicked.connect(self._write)
        dialog.fix_first.clicked.connect(self._fix_first)
        dialog.cancel_asked.connect(self._cancel)
        dialog.open_pdf.clicked.connect(self._open_pdf)
        dialog.show_folder.clicked.connect(self._show_folder)
        dialog.finished.connect(self._closed)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def default_target(self) -> Path:
        """The case's title as a name, in the default folder of the Preferences when it is set, else in
        the last folder exported to, else in the home folder."""
        from ...services.cases import read_case

        folder = Path.home()
        for key in ("export/folder", "export/last_folder"):
            value = str(self.settings.value(key, "") or "")
            if value and Path(value).is_dir():
                folder = Path(value)
                break
        title = read_case(self.session.store, self.session.case_id).title if self.session.case_id else ""
        return folder / file_name(title)

    def _last_number(self) -> int:
        """The highest pièce number given so far: a complementary bordereau starts there or after."""
        from ...services.exhibits import exhibits

        if self.session.case_id is None:
            return 1
        numbers = [x.number for x in exhibits(self.session.store, self.session.case_id) if x.include and x.number]
        return max(numbers, default=1)

    def _as_of_changed(self, day: date) -> None:
        if self.dialog is not None and self._following:
            self._syncing = True
            self.dialog.communication.set_day(day)
            self._syncing = False

    def _communication_changed(self, _day: date) -> None:
        if not self._syncing:
            self._following = False

    def _split_toggled(self, split: bool) -> None:
        """The target follows the choice: « titre.pdf » for one file, the folder « titre » for one per pièce."""
        dialog = self.dialog
        if dialog is None:
            return
        dialog.show_split(split)
        dialog.say_error("")
        self._chosen_by_dialog = None
        text = dialog.target.text().strip()
        if split and text.lower().endswith(".pdf"):
            dialog.target.setText(text[:-4].rstrip())
        elif not split and text and not text.lower().endswith(".pdf"):
            dialog.target.setText(text + ".pdf")

    def _browse(self) -> None:
        if self.dialog is None:
            return
        if self.dialog.split.isChecked():
            folder = self.ask.folder(_("Dossier où écrire le bordereau et les pièces"))
            if folder is not None:
                # A folder already holding files is never filled: a new one named after the case goes inside.
                empty = folder.is_dir() and not any(folder.iterdir())
                self.dialog.target.setText(str(folder if empty else folder / self.default_target().stem))
            return
        chosen = self.ask.save_file(_("Exporter le dossier PDF"), self.dialog.target.text().strip()
                                    or str(self.default_target()), _("Documents PDF (*.pdf)"))
        if chosen is not None:
            # A name typed without ".pdf" gets it (as Export would add it): that file, which may
            # exist, is not the one the Save dialog asked about, so Export asks before replacing it.
            named = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
            self.dialog.target.setText(str(named))
            self._chosen_by_dialog = chosen if named == chosen else None

    def _read_choices(self) -> Choices | None:
        """What the form says, or None after saying in one line what is wrong."""
        from ...services.files import check_target

        dialog = self.dialog
        assert dialog is not None
        # A day as typed, read now (Export may be pressed before the field is left).
        for field, label in ((dialog.as_of, _("Date d'arrêté : {problem}")),
                             (dialog.communication, _("Date de communication : {problem}"))):
            problem = field.read_typed()
            if problem is not None:
                dialog.say_error(label.format(problem=problem))
                field.edit.setFocus()
                field.edit.selectAll()
                return None
        max_mb: float | None = None
        size = dialog.max_mb.text().strip()
        if size:
            try:
                max_mb = float(size.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
            except ValueError:
                max_mb = None
            if max_mb is None or not (0 < max_mb < 1e6):
                dialog.say_error(_("Taille maximale : un nombre de Mo positif est attendu (ou rien, pour aucune limite)."))
                dialog.max_mb.setFocus()
                return None
        bordereau, complement_from = 1, None
        if dialog.complement.isChecked():
            from ...services.exporting import check_bordereau

            bordereau, complement_from = dialog.bordereau.value(), dialog.complement_from.value()
            try:
                check_bordereau(self.session.store, self.session.case_id or 0, bordereau, complement_from,
                                dialog.renumber.isChecked())
            except UserError as exc:
                dialog.say_error(_("Bordereau complémentaire : {problem}").format(problem=exc.message))
                dialog.complement_from.setFocus()
                return None
        text = dialog.target.text().strip()
        if not text:
            dialog.say_error(_("Choisissez le fichier à écrire."))
            dialog.target.setFocus()
            return None
        target = Path(text).expanduser()
        if not target.is_absolute():
            target = self.default_target().parent / target
        if dialog.split.isChecked():
            from ...services.exporting import check_split_folder

            try:
                check_split_folder(target)
            except UserError as exc:
                dialog.say_error(exc.message)
                return None
            return Choices(dialog.as_of.day(), dialog.communication.day(), str(dialog.language.currentData()),
                           True, max_mb, target, dialog.renumber.isChecked(), split=True, bordereau=bordereau,
                           complement_from=complement_from)
        if target.suffix.lower() != ".pdf" and not target.is_dir():
            target = target.with_name(target.name + ".pdf")
        try:
            check_target(target)
        except UserError as exc:
            dialog.say_error(exc.message)
            return None
        if not target.parent.is_dir():
            dialog.say_error(_("Le dossier de {output} n'existe pas : créez-le ou choisissez un autre emplacement.").format(output=target))
            return None
        if target.exists() and target != self._chosen_by_dialog and not self.ask.confirm(
                _("Remplacer le fichier ?"), _("{name} existe déjà. Le remplacer par le nouveau dossier ?").format(name=target),
                _("Remplacer")):
            return None
        return Choices(dialog.as_of.day(), dialog.communication.day(), str(dialog.language.currentData()),
                       dialog.with_exhibits.isChecked(), max_mb, target, dialog.renumber.isChecked(),
                       bordereau=bordereau, complement_from=complement_from)

    # Before writing: the readiness check.

    def _check_first(self) -> None:
        dialog, case_id = self.dialog, self.session.case_id
        if dialog is None or case_id is None or self.busy:
            return
        dialog.say_error("")
        choices = self._read_choices()
        if choices is None:
            return
        self.choices = choices
        home, as_of = self.session.store.home, choices.as_of
        started: list[Task] = []

        def work(_progress: Progress) -> list[Finding]:
            from ...services import child_process, exporting

            # In a process of its own, as the export: re-hashing every exhibit file in a thread took
            # the interpreter from the window.  Cancel ends it at once.
            findings, _facts = child_process.readiness(
                home, case_id, as_of, None, cancelled=lambda: bool(started) and started[0].cancelled)
            return exporting.blocking(findings)  # what ``export`` lists and ``--strict`` refuses

        dialog.show_state("running")
        dialog.set_progress(_("Vérification du dossier\u2026"), "", 0, 0)
        started.append(self._start(work, self._checked))

    def _checked(self, blocking: list[Finding]) -> None:
        dialog = self.dialog
        if dialog is None or self.task is None or self.task.cancelled:
            self._back(_("Export annulé : aucun fichier n'a été écrit."))
            return
        if not blocking:
            self._write()
            return
        dialog.findings_title.setText(ngettext(
            "{count} point rend le dossier faux ou incomplet sur papier ; corrigez-le d'abord, ou exportez quand même :",
            "{count} points rendent le dossier faux ou incomplet sur papier ; corrigez-les d'abord, ou exportez quand même :",
            len(blocking)).format(count=len(blocking)))
        dialog.findings.clear()
        dialog.findings.addItems([f.message for f in blocking])
        dialog.show_state("findings")

    def _fix_first(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.fix_asked.emit()

    # Writing.

    def _write(self) -> None:
        dialog, case_id, choices = self.dialog, self.session.case_id, self.choices
        if dialog is None or case_id is None or choices is None or self.busy:
            return
        home = self.session.store.home
        words = active()  # the stage said in the window's language; the pièce as the export names it

        def work(progress: Progress) -> ExportReport | ExhibitsRefused:
            from ...services import child_process, exporting

            def step(s: ProgressStep) -> bool:
                low, high = SPANS.get(s.stage, (0, 1000))
                done = low + (high - low) * min(s.done, s.total) // max(s.total, 1)
                stage = exporting.stage_label(s.stage, words) or s.label
                return progress(done, 1000, stage if s.stage == "parts" else f"{stage}\n{s.label}")

            # In a process of its own: in a thread, the export's work took the interpreter from the
            # window for up to 0.3 s at a time (``services.child_process``).
            try:
                report: ExportReport = child_process.export_case(
                    home, case_id, choices.target, as_of=choices.as_of, lang=choices.lang,
                    include_exhibits=choices.include_exhibits, max_mb=choices.max_mb,
                    communication=choices.communication, renumber=choices.renumber, split=choices.split,
                    bordereau=choices.bordereau, complement_from=choices.complement_from, progress=step)
                return report
            except exporting.ExhibitsRefused as refused:
                return refused  # its outcomes are listed in the dialog, each with its reason

        dialog.say_error("")
        dialog.show_state("running")
        dialog.set_progress(_("Préparation\u2026"), "", 0, 1000)
        self._start(work, self._written)

    def _start(self, work: Callable[[Progress], Any], done: Callable[[Any], None]) -> Task:
        task = self.task = Task(work, self)
        task.progress.connect(self._progress)
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        task.start()
        return task

    def _progress(self, done: int, total: int, label: str) -> None:
        if self.dialog is not None and self.task is not None and not self.task.cancelled:
            stage, _newline, step = label.partition("\n")
            self.dialog.set_progress(stage, step, done, total)

    def _cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            if self.dialog is not None:
                self.dialog.set_progress(_("Annulation\u2026"), "", 0, 0)

    def _failed(self, message: str) -> None:
        if self.task is not None and self.task.cancelled:
            self._back(_("Export annulé : aucun fichier n'a été écrit."))
            self.ended.emit("cancelled")
            return
        self._back(message)
        self.ended.emit("failed")

    def _back(self, message: str) -> None:
        """To the form, with what happened in one line."""
        if self.dialog is not None:
            self.dialog.show_state("choosing")
            self.dialog.say_error(message)

    def _written(self, result: object) -> None:
        from ...services.exporting import ExhibitsRefused, ExportReport

        dialog, choices = self.dialog, self.choices
        if isinstance(result, ExhibitsRefused):
            self._refused(result)
            return
        if not isinstance(result, ExportReport) or choices is None:
            return
        self.report = result
        self.settings.setValue("export/last_folder", str(choices.target.parent))
        self.status(_("Dossier exporté : {path}").format(path=choices.target if choices.split else result.volumes[0]))
        self.ended.emit("written")
        if dialog is None:
            return
        count = len(result.exhibits) - len(result.refused)
        lines = [ngettext("Dossier écrit : {pages} page.", "Dossier écrit : {pages} pages.",
                          result.pages).format(pages=result.pages),
                 ngettext("{count} pièce jointe.", "{count} pièces jointes.", count).format(count=count)]
        if choices.split:
            lines.append(ngettext("{count} fichier dans le dossier {folder} :", "{count} fichiers dans le dossier {folder} :",
                                  len(result.volumes)).format(count=len(result.volumes), folder=choices.target))
        elif len(result.volumes) > 1:
            lines.append(ngettext("En {count} tome :", "En {count} tomes :",
                                  len(result.volumes)).format(count=len(result.volumes)))
        if not choices.split:
            lines += [str(path) for path in result.volumes]
        dialog.summary.setText("\n".join(lines))
        dialog.notes.clear()
        if choices.split:  # in the list, which scrolls: one line per file, however many pièces
            dialog.notes.addItems([path.name for path in result.volumes])
        from ...services.exporting import exhibit_notes

        dialog.notes.addItems(exhibit_notes(result, active()))
        for number in result.oversized:
            if choices.split:
                dialog.notes.addItem(_("Pièce n° {number} : son fichier dépasse à lui seul la taille maximale.").format(number=number))
            else:
                dialog.notes.addItem(_("Pièce n° {number} : plus grande que la taille maximale à elle seule, elle remplit un tome.").format(number=number))
        dialog.notes.setVisible(dialog.notes.count() > 0)
        dialog.show_state("done")

    def _refused(self, refused: ExhibitsRefused) -> None:
        self.ended.emit("refused")
        dialog = self.dialog
        if dialog is None:
            return
        dialog.summary.setText(ngettext(
            "Rien n'a été écrit : {count} pièce ne peut pas être lue. Réimportez-la, ou retirez-la du dossier imprimé (Modifier la pièce) :",
            "Rien n'a été écrit : {count} pièces ne peuvent pas être lues. Réimportez-les, ou retirez-les du dossier imprimé (Modifier la pièce) :",
            len(refused.outcomes)).format(count=len(refused.outcomes)))
        dialog.notes.clear()
        for outcome in refused.outcomes:
            dialog.notes.addItem(_("Pièce n° {number} — {title} : {reason}").format(
                number=outcome.number, title=outcome.title, reason=outcome.reason))
        dialog.notes.setVisible(True)
        dialog.show_state("done")
        dialog.open_pdf.hide()
        dialog.show_folder.hide()

    # What was written.

    def _open_pdf(self) -> None:
        if self.report is not None and self.report.volumes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.volumes[0])))

    def _show_folder(self) -> None:
        if self.report is not None and self.report.volumes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.volumes[0].parent)))
