"""The ``dossier`` command: a thin face over the services, one module per group of commands."""

from __future__ import annotations

import argparse
import importlib
import logging
import signal
import sys
import threading
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import __version__
from ..domain.bounds import for_terminal, text_problem
from ..domain.errors import ProblemsError, UserError
from ..i18n import _, language, stdlib_messages_in
from ..services.crash_log import write_crash_log

if TYPE_CHECKING:
    # Imported for the commands only: it reads the store through the repository, which the window's
    # first paint does without (tests/ui/test_first_paint_imports.py).
    from .context import Context

# Each group of commands, imported when the parser is built for a command (not for the window: the
# claims engine, the archive format and the export would be read before the window's first paint).
COMMAND_MODULES = ("case_cmds", "event_cmds", "exhibit_cmds", "claims_cmds", "archive_cmds", "export_cmds",
                   "verify_cmds", "calendar_cmds", "letter_cmds")


class _Parser(argparse.ArgumentParser):
    """argparse's errors as one line, in the user's language, exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"dossier: {message} — " + _("voir « dossier --help ».") + "\n")
        raise SystemExit(2)


class _NotTheWindow(Exception):
    pass


class _WindowParser(argparse.ArgumentParser):
    """The window's arguments only: on anything else, the whole parser reads them again and says why."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotTheWindow(message)


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The ``dossier`` parser; ``commands=False``: ``gui`` alone, without importing every command's module."""
    stdlib_messages_in(language())
    kind = _Parser if commands else _WindowParser
    parser = kind(prog="dossier", description=_("Constituer, vérifier et imprimer le dossier de pièces d'un litige commercial."))
    parser.add_argument("--home", help=_("dossier des données (sinon DOSSIER_HOME, sinon le dossier utilisateur)"))
    # argparse's own help for --version is fixed when Python starts, before any catalogue applies.
    parser.add_argument("--version", action="version", version=f"dossier {__version__}",
                        help=_("affiche la version et quitte"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=kind)
    gui = sub.add_parser("gui", help=_("ouvre la fenêtre"))
    gui.add_argument("case", nargs="?")
    gui.set_defaults(func=_run_gui)
    if commands:
        for name in COMMAND_MODULES:
            importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def _window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """``dossier [--home DIR]`` or ``dossier [--home DIR] gui [CASE]``: the window's arguments, read
    without the other commands; None for anything else (another command, help, a mistake), which the
    whole parser then reads as before."""
    words = list(sys.argv[1:] if argv is None else argv)
    rest = [word for i, word in enumerate(words)
            if word != "--home" and not word.startswith("--home=") and not (i and words[i - 1] == "--home")]
    if any(word.startswith("-") for word in rest) or rest[:1] not in ([], ["gui"]) or len(rest) > 2:
        return None
    try:
        return build_parser(commands=False).parse_args(words)
    except _NotTheWindow:
        return None


def _run_gui(ctx: Context | None, args: argparse.Namespace) -> int:
    try:
        from ..ui.app import run
    except ImportError as exc:
        raise UserError(_("La fenêtre n'est pas disponible ({exc}) : utilisez les commandes (« dossier --help »).").format(exc=exc)) from exc
    return run(args.home, getattr(args, "case", None))


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Words typed for titles, passwords, sources or case names must be text a file can hold (a file
    name with bytes that are not UTF-8 is fine: paths are ``Path`` objects, not checked here)."""
    for name, value in vars(args).items():
        if isinstance(value, str) and (problem := text_problem(value)):
            option = "--" + name.replace("_", "-") if name not in ("case", "exhibit", "event") else name.upper()
            raise UserError(f"{option} : {problem}" if language() == "fr" else f"{option}: {problem}")


class Terminated(KeyboardInterrupt):
    """SIGTERM (a logout, a shutdown, ``kill``): unwound like Ctrl+C so that temporary files go."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    args = _window_arguments(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    func = getattr(args, "func", _run_gui)
    ctx = None
    if func is not _run_gui:  # the window opens its own store
        from .context import Context

        ctx = Context(args.home)
    if func is not _run_gui and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL \
            and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        _check_text_arguments(args)
        return int(func(ctx, args) or 0)
    except ProblemsError as exc:
        sys.stderr.write(for_terminal(exc.message) + "\n")
        return 1
    except UserError as exc:
        # What to do said in plain words: the command that does it added.
        from .hints import with_commands

        sys.stderr.write(for_terminal(f"dossier: {with_commands(exc.message)}") + "\n")
        return 1
    except KeyboardInterrupt as exc:
        sys.stderr.write("dossier: " + _("interrompu ; rien n'a été modifié.") + "\n")
        return 143 if isinstance(exc, Terminated) else 130
    except BrokenPipeError:
        return 0
    except Exception:
        log = write_crash_log(args.home, traceback.format_exc())
        where = str(log) if log else "stderr"
        if log is None:
            logging.exception("crash")
        sys.stderr.write("dossier: " + _("erreur interne inattendue ; rien n'a été modifié. Détails : {where}").format(where=where) + "\n")
        return 70
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
