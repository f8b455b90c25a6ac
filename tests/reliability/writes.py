"""Run the command in a child process and list every path it creates or opens for writing outside
the home and the given targets (Python's audit hooks see every open, mkdir, rename and remove)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.reliability.support import child_env

_WATCH = textwrap.dedent("""
    import json, os, sys
    allowed = [os.path.realpath(p) for p in json.loads(sys.argv[1])]
    outside = []

    def inside(path):
        try:
            real = os.path.realpath(os.fsdecode(path))
        except Exception:
            return True
        # A target is written under a temporary name beside it (".NAME.xxxx.part"), then renamed.
        beside = any(os.path.dirname(real) == os.path.dirname(a) and os.path.basename(a) in os.path.basename(real)
                     for a in allowed)
        return real == "/dev/null" or beside or any(real == a or real.startswith(a + os.sep) for a in allowed)

    def hook(event, args):
        if event == "open" and args[0] is not None and not isinstance(args[0], int):
            mode, flags = args[1] or "", args[2] or 0
            writes = any(c in str(mode) for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            # tempfile.NamedTemporaryFile(dir=D) reports opening D itself: a file made beside a target.
            unnamed_beside = any(os.path.realpath(os.fsdecode(args[0])) == os.path.dirname(a) for a in allowed)
            if writes and not unnamed_beside and not inside(args[0]):
                outside.append(os.fsdecode(args[0]))
        elif event in ("os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "shutil.rmtree") \\
                and args and not isinstance(args[0], int) and not _relative_to_a_folder(event, args) \\
                and not inside(args[0]):
            outside.append(f"{event} {os.fsdecode(args[0])}")

    def _relative_to_a_folder(event, args):
        # rmtree removes by names relative to a folder descriptor it opened, already judged.
        dir_fd = {"os.mkdir": 2, "os.remove": 1, "os.rmdir": 1, "os.rename": 2, "os.replace": 2}.get(event)
        return dir_fd is not None and len(args) > dir_fd and args[dir_fd] not in (None, -1)

    sys.addaudithook(hook)
    from dossier_app.cli.main import main
    code = main(sys.argv[2:])
    sys.stdout.flush()
    sys.stderr.write("\\n@@outside@@" + json.dumps(outside) + "\\n")
    sys.exit(code)
""")


def writes_outside(allowed: list[Path], *args: str, env: dict[str, str] | None = None,
                   timeout: float = 180) -> tuple[int, list[str], str]:
    """(exit code, paths written outside ``allowed``, stderr without the report)."""
    proc = subprocess.run([sys.executable, "-c", _WATCH, json.dumps([str(p) for p in allowed]), *args],
                          capture_output=True, text=True, env={**child_env(), **(env or {})}, timeout=timeout)
    err, _, report = proc.stderr.rpartition("\n@@outside@@")
    return proc.returncode, json.loads(report) if report.strip() else ["(no report: the child died)"], err


def python_caches() -> list[Path]:
    """Where Python itself may write (bytecode caches): not the command's doing."""
    return [Path(p) for p in {os.path.dirname(os.path.dirname(os.__file__)), sys.prefix}]
