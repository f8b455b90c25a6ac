"""The window's export, run by ``exporting.export_case`` in a process of its own.

In a thread of the window's process the export's Python work (laying out pages, reading fonts,
assembling) takes the interpreter from the GUI thread at every one of its calls into Qt: measured
on the demo, the window froze 70 to 290 ms per export, against 30 to 50 ms with the same export
in a child process.  The child opens the data folder as the command does; its progress, its
report or its refusal come back over its standard output, and a Cancel goes to it over its
standard input, so that it stops as the command's Ctrl+C would, leaving no file.

The two ends are this program's own: what passes between them is pickled, length first.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ..domain.errors import UserError
from ..i18n import _, activate, language

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
    """How the child is started: this module under the same interpreter (a frozen build passes its own)."""
    return [sys.executable, "-m", "dossier_app.services.export_child"]


def export_in_child(home: Path, case_id: int, output: Path, *,
                    progress: Callable[[Any], bool | None] | None = None, **options: Any) -> Any:
    """``exporting.export_case(open_home(home), case_id, output, progress=…, **options)`` in a child
    process; its report returned, its refusal (``ExhibitsRefused``, ``ExportCancelled``, any
    ``UserError``) raised here as it was there.  ``progress`` returning False cancels."""
    from ..export import ExhibitsRefused, ExportCancelled
    from ..store.home import temporary_folder

    with tempfile.TemporaryFile(dir=temporary_folder(Path(home)), prefix="export-child-") as errors:
        child = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors,
                                 env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert child.stdin is not None and child.stdout is not None
        cancelled = False
        try:
            _send(child.stdin, {"home": str(home), "case_id": case_id, "output": Path(output),
                                "options": options, "language": language()})
            while True:
                message = _receive(child.stdout)
                if message is None:
                    break
                kind, payload = message
                if kind == "progress":
                    if progress is not None and progress(payload) is False and not cancelled:
                        cancelled = True
                        with contextlib.suppress(OSError):
                            child.stdin.write(CANCEL)
                            child.stdin.flush()
                elif kind == "report":
                    return payload
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
                code = child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                code = child.wait()
            child.stdout.close()
        errors.seek(0)
        said = errors.read().decode("utf-8", "replace").strip()
    if said:
        log.warning("export child: %s", said[-4000:])
    raise UserError(_("L'export s'est arrêté avant la fin (code {code}) : aucun dossier n'a été écrit. Réessayez ; si cela se reproduit, exportez avec la commande « dossier export », qui dit pourquoi.").format(code=code))


def main() -> int:
    """The child: one export asked on standard input, its outcome told on standard output."""
    from ..export import ExhibitsRefused, ExportCancelled
    from .exporting import export_case
    from .store_access import open_home

    answers = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but messages may reach the parent's pipe
    request = _receive(sys.stdin.buffer)
    if request is None:
        return 2
    activate(request["language"])
    stop = threading.Event()

    def listen() -> None:
        if sys.stdin.buffer.read(1) == CANCEL:
            stop.set()

    threading.Thread(target=listen, daemon=True).start()

    def progress(step: Any) -> bool:
        _send(answers, ("progress", step))
        return not stop.is_set()

    try:
        store = open_home(request["home"])
    except UserError as exc:
        _send(answers, ("error", exc.message))
        return 1
    try:
        report = export_case(store, request["case_id"], request["output"], progress=progress, **request["options"])
    except ExhibitsRefused as exc:
        _send(answers, ("refused", (exc.message, exc.outcomes)))
    except ExportCancelled as exc:
        _send(answers, ("cancelled", exc.message))
    except UserError as exc:
        _send(answers, ("error", exc.message))
    except Exception:
        log.exception("export failed")
        _send(answers, ("error", _("Erreur inattendue pendant l'export ; aucun dossier n'a été écrit.")))
    else:
        _send(answers, ("report", report))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    raise SystemExit(main())
