"""The command's way of doing what a finding or a claims note asks: the command to run, named in the line.

The findings of ``check`` and the notes of ``claims`` say what to do in plain words, whatever the face
(``domain/checks.py``); the window adds the menu entry that does it, the command adds the command here.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain.checks import Finding, finding_line
from ..domain.claims_report import MissingRate
from ..i18n import N_, _

# By finding code: the commands that do what the finding asks, as the user types them.
COMMANDS: dict[str, tuple[str, ...]] = {
    "no_events": ("dossier event add", "dossier import"),
    "no_exhibits": ("dossier import",),
    "missing_file": ("dossier import",),  # the same bytes put the lost file back
    "event_without_exhibit": ("dossier link",),
    "exhibit_unlinked": ("dossier link",),
    "numbering_gap": ("dossier export --renumber",),
    # The contract's clauses (contract.penalties, contract.sla): the case's contract is replaced by « case set ».
    "clause_event_missing": ("dossier event add", "dossier case set"),
    "penalty_running": ("dossier event add",),
    "penalty_without_end": ("dossier case set",),
    "sla_outage_ongoing": ("dossier event set",),
    "sla_month_unproved": ("dossier link",),
    # The procedural calendar's dates (domain/calendar.py): all of them, with what to do, by « calendar ».
    "deadline_soon": ("dossier calendar",),
    "deadline_missed": ("dossier event add", "dossier link"),
}


def _sentence(text: str) -> str:
    """``text`` without its full stop, which the line with its command puts back after it."""
    return text[:-1] if text.endswith(".") else text


# The plain words a service's sentence uses for what a command does, and that command: the sentence
# says what to do in words valid for both faces; the command adds its own line (``with_commands``).
PLAIN_COMMANDS: tuple[tuple[str, str], ...] = (
    (N_("vérifiez les fichiers des pièces"), "dossier verify"),
    (N_("donnez son mot de passe à la pièce"), "dossier exhibit set --password"),
    (N_("avec son mot de passe"), "dossier import --password"),
)


def with_commands(text: str) -> str:
    """``text`` with, after each thing to do it names in plain words, the command that does it."""
    for words, command in PLAIN_COMMANDS:
        plain = _(words)
        if plain in text and command not in text:
            text = text.replace(plain, _("{words} (« {command} »)").format(words=plain, command=command), 1)
    return text


def rates_add_command(missing: MissingRate) -> str:
    """The ``rates add`` line that makes the first of these half-years known (the last rate known as example)."""
    example = format(missing.example, ".2f") if missing.example is not None else _("TAUX")
    return f'dossier rates add {missing.half_years[0].start.isoformat()} {example} --source "…"'


def with_rates_add(missing: MissingRate, sentence: str) -> str:
    """A sentence asking for a missing rate, with the command that adds it."""
    return _("{sentence}, par exemple « {command} ».").format(sentence=_sentence(sentence),
                                                             command=rates_add_command(missing))


def told(finding: Finding) -> str:
    """The finding's message as the command says it: with the command that does what it asks."""
    if finding.missing_rate is not None:
        return with_rates_add(finding.missing_rate, finding.message)
    commands = COMMANDS.get(finding.code, ())
    if len(commands) == 1:
        return _("{sentence} (« {command} »).").format(sentence=_sentence(finding.message), command=commands[0])
    if len(commands) == 2:
        return _("{sentence} (« {command} » ou « {other} »).").format(
            sentence=_sentence(finding.message), command=commands[0], other=commands[1])
    return finding.message


def line(finding: Finding) -> str:
    """One line of ``check``: its severity, then its message with its command."""
    return finding_line(replace(finding, message=told(finding)))
