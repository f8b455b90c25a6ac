"""Analysis in a separate process, so that a parser's crash, hang or memory blow-up on a
hostile file costs a refusal of that file, not the window or the command.

One worker process serves many files in turn (starting one per file would cost a
fraction of a second each); when it dies or overruns, it is killed, the file it was
reading is refused with the reason, and a fresh worker takes the next file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO

from ..i18n import _, language
from .analysis import Analysis, analysis_from_json
from .titles import from_file_name

log = logging.getLogger(__name__)

TIMEOUT = 60.0
MEMORY_MB = 1024
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class IsolatedAnalyzer:
    """``analyze`` behind a process boundary, with a time and a memory limit per file.

    ``command`` starts the worker (``python -m dossier_app.imports.worker MEMORY_MB`` by
    default); a frozen application passes its own way of reaching ``worker.main``.
    """

    def __init__(self, *, timeout: float = TIMEOUT, memory_mb: int = MEMORY_MB,
                 command: Sequence[str] | None = None) -> None:
        self.timeout = timeout
        self.command = list(command) if command else [
            sys.executable, "-m", "dossier_app.imports.worker", str(memory_mb)]
        self._process: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[bytes | None] = queue.Queue()
        self._errors: IO[bytes] | None = None
        self._reader: threading.Thread | None = None
        # Where the worker's own messages go (a parser's traceback, a crash): the home's crash log
        # when the caller has one, else the log at INFO — never the user's screen.
        self.report: Callable[[str], object] | None = None
        # Where the worker's messages are buffered: the caller's scratch folder (inside the home).
        self.scratch: Path | None = None

    def __enter__(self) -> IsolatedAnalyzer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def analyze(self, path: Path, password: str | None = None, today: date | None = None) -> Analysis:
        path = Path(path)
        request = {"path": str(path.absolute()), "password": password,
                   "today": (today or date.today()).isoformat(), "lang": language()}
        process = self._running()
        try:
            assert process.stdin is not None
            process.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            process.stdin.flush()
            answer = self._answers.get(timeout=self.timeout)
        except queue.Empty:
            self._stop(f"timed out on {path}")
            return _refused(path, _("lecture interrompue après {timeout:g} s : fichier démesuré ou piégé").format(timeout=self.timeout))
        except OSError:
            answer = None  # the worker was already gone: same as dying on this file
        if answer is None:
            self._stop(f"died on {path}")
            return _refused(path, _("son lecteur s'est arrêté net : fichier très endommagé ou piégé"))
        return replace(analysis_from_json(json.loads(answer)), path=path)

    def close(self) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        try:
            if process.stdin:
                process.stdin.close()  # the worker's signal to finish
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        self._release(process)
        self._flush_errors("finished")

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop("exited")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
        # Kept open for the worker's whole life, closed by _flush_errors.
        self._errors = tempfile.TemporaryFile(dir=self.scratch)  # noqa: SIM115
        self._answers = queue.Queue()
        process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=self._errors, env=env)
        self._reader = threading.Thread(target=_read_lines, args=(process.stdout, self._answers), daemon=True)
        self._reader.start()
        self._process = process
        return process

    def _stop(self, why: str) -> None:
        process = self._process
        self._process = None
        if process is not None and process.poll() is None:
            process.kill()
        if process is not None:
            process.wait()
            self._tell(f"import worker {why} (exit status {process.returncode})")
            self._release(process)
        self._flush_errors(why)

    def _release(self, process: subprocess.Popen[bytes]) -> None:
        """Once the worker is gone its reader sees the end of the pipe; then the pipe can close."""
        if self._reader is not None:
            self._reader.join(timeout=5)
            self._reader = None
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):  # a broken pipe to a dead worker
                    pipe.close()

    def _flush_errors(self, why: str) -> None:
        """What the worker wrote to stderr goes to the log: a parser's bug must stay visible."""
        errors, self._errors = self._errors, None
        if errors is None:
            return
        errors.seek(0)
        text = errors.read()[-20_000:].decode("utf-8", errors="replace").strip()
        errors.close()
        if text:
            self._tell(f"import worker {why}, its messages:\n{text}")

    def _tell(self, text: str) -> None:
        if self.report is not None:
            self.report(text)
        else:
            log.info("%s", text)


def _read_lines(stream: IO[bytes] | None, answers: queue.Queue[bytes | None]) -> None:
    if stream is not None:
        for line in stream:
            answers.put(line)
    answers.put(None)


def _refused(path: Path, reason: str) -> Analysis:
    size = 0
    with contextlib.suppress(OSError):
        size = path.stat().st_size
    return Analysis(path=path, media_type=None, size=size, title=from_file_name(path.stem or path.name),
                    refused=reason)


def analyze_isolated(path: Path, password: str | None = None, today: date | None = None, *,
                     timeout: float = TIMEOUT, memory_mb: int = MEMORY_MB) -> Analysis:
    """One file, in its own worker: for a single file; ``IsolatedAnalyzer`` for many."""
    with IsolatedAnalyzer(timeout=timeout, memory_mb=memory_mb) as analyzer:
        return analyzer.analyze(path, password, today)
