"""The window's long work (the export, the claims, the readiness check) in a process of its own.

In a thread of the window's process, Python work takes the interpreter from the GUI thread at every
one of its calls into Qt: measured on the demo, the window froze 70 to 290 ms per export in a
thread, 30 to 50 ms with the same export in a child; on 100 000 events, working the claims out in a
thread froze it for seconds.  The child runs one service function on the data folder, opened as the
command opens it; its progress, its result or its refusal come back over its standard output, and
a Cancel goes to it over its standard input (it stops as the command's Ctrl+C would, leaving no
file); work no longer wanted (``cancelled``) is ended at once.

The functions below are the ones the window runs this way.  The two ends are this program's own:
what passes between them is pickled, length first.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..domain.errors import UserError
from ..i18n import _, activate, language

if TYPE_CHECKING:
    from ..domain.checks import Finding, IntegrityFacts
    from ..domain.claims import ClaimsResult
    from ..export import ExportReport

log = logging.getLogger(__name__)

_LENGTH = struct.Struct("<Q")
CANCEL = b"c"


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next message, or None at the end of the stream."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # our own child, started by us, over our own pipe


def command() -> list[str]:
    """How the child is started: this module under the same interpreter.  A frozen build (issue 17) will
    need its own way in, as the import worker will (``imports/isolated.py``)."""
    return [sys.executable, "-m", "dossier_app.services.child_process"]


# --- what the window runs in a child -------------------------------------------------------------

def export_case(home: Path, case_id: int, output: Path, *, progress: Callable[[Any], bool | None] | None = None,
                **options: Any) -> ExportReport:
    """``exporting.export_case``; ``progress`` returning False cancels it (no file is left)."""
    report: ExportReport = run_in_child(home, "exporting.export_case", case_id, output, progress=progress,
                                        **options)
    return report


def case_claims(home: Path, case_id: int, as_of: date, cancelled: Callable[[], bool] | None = None) -> ClaimsResult:
    """``claims.case_claims``."""
    result: ClaimsResult = run_in_child(home, "claims.case_claims", case_id, as_of, cancelled=cancelled)
    return result


def readiness(home: Path, case_id: int, as_of: date, integrity: IntegrityFacts | None,
              cancelled: Callable[[], bool] | None = None) -> tuple[list[Finding], IntegrityFacts]:
    """``readiness.checked_case``: the findings, and the facts of the files re-hashed (or those given)."""
    found: tuple[list[Finding], IntegrityFacts] = run_in_child(
        home, "readiness.checked_case", case_id, as_of, integrity, cancelled=cancelled)
    return found


# --- the parent's end ---------------------------------------------------------------------------

def run_in_child(home: Path, target: str, *args: Any, progress: Callable[[Any], bool | None] | None = None,
                 cancelled: Callable[[], bool] | None = None, **kwargs: Any) -> Any:
    """``services.<target>(open_home(home), *args, **kwargs)`` in a child process; its result returned,
    its refusal (``ExhibitsRefused``, ``ExportCancelled``, any ``UserError``) raised here as there.
    ``progress`` (when given, passed on as the function's own ``progress``) returning False asks the
    child to stop; ``cancelled`` returning True ends it at once (it is then ``Abandoned``)."""
    from ..export import ExhibitsRefused, ExportCancelled
    from ..store.home import temporary_folder

    with tempfile.TemporaryFile(dir=temporary_folder(Path(home)), prefix="child-") as errors:
        child = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors,
                                 env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert child.stdin is not None and child.stdout is not None
        asked_to_stop = abandoned = False
        try:
            _send(child.stdin, {"home": str(home), "target": target, "args": args, "kwargs": kwargs,
                                "progress": progress is not None, "language": language()})
            while True:
                if cancelled is not None:
                    # Work no longer wanted is not waited for: its process goes.
                    while not select.select([child.stdout], [], [], 0.05)[0]:
                        if cancelled():
                            abandoned = True
                            child.kill()
                            raise Abandoned(target)
                message = _receive(child.stdout)
                if message is None:
                    break
                kind, payload = message
                if kind == "progress":
                    if progress is not None and progress(payload) is False and not asked_to_stop:
                        asked_to_stop = True
                        with contextlib.suppress(OSError):
                            child.stdin.write(CANCEL)
                            child.stdin.flush()
                elif kind == "result":
                    return _reassembled(payload, child.stdout)
                elif kind == "refused":
                    raise ExhibitsRefused(*payload)
                elif kind == "cancelled":
                    raise ExportCancelled(payload)
                elif kind == "error":
                    raise UserError(payload)
        finally:
            with contextlib.suppress(OSError):
                child.stdin.close()
            try:
                code = child.wait(timeout=5 if abandoned else 30)
            except subprocess.TimeoutExpired:
                child.kill()
                code = child.wait()
            child.stdout.close()
            # What the child said on its way (a traceback behind an "unexpected error"): kept in the log.
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip()
            if said and not abandoned:
                log.warning("child process (%s): %s", target, said[-4000:])
    raise UserError(_("Le travail en cours s'est arrêté avant la fin (code {code}) : rien n'a été écrit. Réessayez ; si cela se reproduit, la commande « dossier » correspondante dit pourquoi.").format(code=code))


class Abandoned(UserError):
    """The work was no longer wanted and its process was ended (nobody is told)."""

    def __init__(self, target: str) -> None:
        super().__init__(target)


# --- the child's end ----------------------------------------------------------------------------

def main() -> int:
    """The child: one service function asked on standard input, its outcome told on standard output."""
    from ..export import ExhibitsRefused, ExportCancelled
    from .store_access import open_home

    answers = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but messages may reach the parent's pipe
    request = _receive(sys.stdin.buffer)
    if request is None:
        return 2
    activate(request["language"])
    module, name = request["target"].split(".")
    function = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    stop = threading.Event()

    def listen() -> None:
        # A Cancel, or the parent gone (its end of the pipe closed before the answer): stop either way,
        # rather than write a file nobody waits for.
        # The descriptor itself, not sys.stdin: a daemon thread left waiting on the buffered reader's lock
        # makes the interpreter's exit abort ("could not acquire lock … at interpreter shutdown").
        with contextlib.suppress(OSError):
            os.read(sys.stdin.fileno(), 1)
        stop.set()

    threading.Thread(target=listen, daemon=True).start()

    def progress(step: Any) -> bool:
        _send(answers, ("progress", step))
        return not stop.is_set()

    kwargs = dict(request["kwargs"])
    if request["progress"]:
        kwargs["progress"] = progress
    try:
        store = open_home(request["home"])
    except UserError as exc:
        _send(answers, ("error", exc.message))
        return 1
    try:
        result = function(store, *request["args"], **kwargs)
    except ExhibitsRefused as exc:
        _send(answers, ("refused", (exc.message, exc.outcomes)))
    except ExportCancelled as exc:
        _send(answers, ("cancelled", exc.message))
    except UserError as exc:
        _send(answers, ("error", exc.message))
    except Exception:
        log.exception("%s failed", request["target"])
        _send(answers, ("error", _("Erreur inattendue ; rien n'a été écrit.")))
    else:
        _send_result(answers, result)
    finally:
        store.close()
    return 0


# A result is sent in pieces of at most PIECE items: unpickled whole, the claims of 100 000 events
# held the interpreter in one call for more than a second, the window's time as much as its worker's.
PIECE = 500


def _pieces(result: Any) -> tuple[Any, dict[str, list[Any] | tuple[Any, ...]]]:
    """``result`` without its long sequences (dataclass fields, or items of a tuple), and those."""
    long: dict[str, list[Any] | tuple[Any, ...]] = {}
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        for field in dataclasses.fields(result):
            value = getattr(result, field.name)
            if isinstance(value, (list, tuple)) and len(value) > PIECE:
                long[field.name] = value
        return dataclasses.replace(result, **{name: type(value)() for name, value in long.items()}), long
    if isinstance(result, tuple):
        for index, value in enumerate(result):
            if isinstance(value, (list, tuple)) and len(value) > PIECE:
                long[str(index)] = value
        return tuple(type(v)() if str(i) in long else v for i, v in enumerate(result)), long
    return result, long


def _send_result(stream: IO[bytes], result: Any) -> None:
    shell, long = _pieces(result)
    _send(stream, ("result", (shell, sorted(long))))
    for name in sorted(long):
        value = long[name]
        for start in range(0, len(value), PIECE):
            _send(stream, ("piece", list(value[start:start + PIECE])))
        _send(stream, ("piece", None))


def _reassembled(payload: tuple[Any, list[str]], stream: IO[bytes]) -> Any:
    shell, names = payload
    filled: dict[str, list[Any]] = {}
    for name in names:
        items: list[Any] = []
        while True:
            message = _receive(stream)
            if message is None:
                raise UserError(_("Le travail en cours s'est arrêté avant la fin (code {code}) : rien n'a été écrit. Réessayez ; si cela se reproduit, la commande « dossier » correspondante dit pourquoi.").format(code="—"))
            if message[1] is None:
                break
            items.extend(message[1])
        filled[name] = items
    if dataclasses.is_dataclass(shell) and not isinstance(shell, type):
        return dataclasses.replace(shell, **{name: type(getattr(shell, name))(items) for name, items in filled.items()})
    if isinstance(shell, tuple):
        return tuple(type(v)(filled[str(i)]) if str(i) in filled else v for i, v in enumerate(shell))
    return shell


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    raise SystemExit(main())
