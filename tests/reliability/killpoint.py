"""Run the dossier command and SIGKILL it at its Nth step that touches the disk (test-only).

    python killpoint.py N STEPS_FILE dossier-arguments...

A step is a moment where a crash could leave something half done: a file opened for
writing, a rename, a removal, a change of mode, a folder created, a worker started (seen
through audit hooks), each write into a file Python opened for writing (seen through a thin
wrapper around ``open``), or an SQL statement other than a read (seen through SQLite's trace
callback, which runs just before the statement does). N = 0 kills nothing and writes one
line per step to STEPS_FILE, so that a test can aim at every one of them, or at the ones
that matter most (a commit, a rename).

Nothing of this is in the program: it is wrapped from outside, as it ships.
"""

import builtins
import io
import os
import signal
import sqlite3
import sys

_EVENTS = frozenset({"os.rename", "os.remove", "os.rmdir", "os.chmod", "os.mkdir", "os.truncate",
                     "os.link", "os.symlink", "shutil.copyfile", "subprocess.Popen"})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def main() -> int:
    kill_at, steps_file, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    me = os.getpid()
    steps: list[str] = []
    counting = True

    def step(label: str) -> None:
        if not counting or os.getpid() != me:
            return
        steps.append(label)
        if len(steps) == kill_at:
            os.kill(me, signal.SIGKILL)

    def audit(event: str, details: tuple) -> None:
        if event == "open":
            path, mode, flags = details
            writes = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & _WRITE_FLAGS)
            if writes and not str(path).endswith(".pyc"):
                step(f"open {os.path.basename(str(path))}")
        elif event in _EVENTS:
            step(event)

    real_connect = sqlite3.connect

    def connect(*a, **k):
        conn = real_connect(*a, **k)
        conn.set_trace_callback(lambda sql: None if sql.lstrip()[:6].upper() == "SELECT" else step(
            "sql " + " ".join(sql.split()[:3])))
        return conn

    real_open = io.open

    class Counted:
        """A file opened for writing, each of whose writes is a step."""

        def __init__(self, handle, name: str) -> None:
            self._handle = handle
            self._name = name

        def write(self, data):
            step(f"write {self._name}")
            return self._handle.write(data)

        def __getattr__(self, attr: str):
            return getattr(self._handle, attr)

        def __iter__(self):
            return iter(self._handle)

        def __enter__(self):
            self._handle.__enter__()
            return self

        def __exit__(self, *exc):
            return self._handle.__exit__(*exc)

    def counted_open(file, mode="r", *a, **k):
        handle = real_open(file, mode, *a, **k)
        if isinstance(mode, str) and any(c in mode for c in "wax+"):
            return Counted(handle, os.path.basename(str(getattr(handle, "name", file))))
        return handle

    sqlite3.connect = connect
    builtins.open = io.open = counted_open
    sys.addaudithook(audit)
    from dossier_app.cli.main import main as dossier

    code = dossier(args)
    step("end")  # all done but the exit: a kill here must find the work whole
    counting = False
    with open(steps_file, "w", encoding="utf-8") as handle:
        handle.write("".join(f"{label}\n" for label in steps))
    return code


if __name__ == "__main__":
    sys.exit(main())
