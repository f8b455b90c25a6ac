"""A window keeps its connection open for hours while other Dossier processes come and go: what it
saves must stay in the database, even if it is killed right after saving (issue 10)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.reliability.support import child_env, command, run_in_process

# Stands for the window: one long-lived connection, a second open and close of the store in the same
# process (the window does this for every background task), another Dossier process reading the store,
# then a save through the long-lived connection.
WINDOW = textwrap.dedent("""
    import subprocess, sys, time
    from dossier_app.domain.model import Case, Party
    from dossier_app.services.cases import create_case
    from dossier_app.services.store_access import open_home

    home, other = sys.argv[1], sys.argv[2:]
    window = open_home(home)
    background = open_home(home)
    background.close()
    subprocess.run(other, check=True, capture_output=True)
    create_case(window, Case(title="Enregistrée par la fenêtre", our_role="client",
                             us=Party(name="Nous SARL"), them=Party(name="Eux SAS")))
    print("saved", flush=True)
    time.sleep(120)
""")


def test_a_save_survives_another_process_and_a_kill(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_in_process(home, "cases").code == 0  # the store exists before the window opens
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(home), *command(home, "cases")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    try:
        assert window.stdout is not None
        line = window.stdout.readline()
        assert line.strip() == "saved", window.stderr.read() if window.stderr else ""
        window.send_signal(signal.SIGKILL)
        window.wait(timeout=30)
    finally:
        window.kill()
        window.communicate(timeout=30)
    listed = run_in_process(home, "cases")
    assert "Enregistrée par la fenêtre" in listed.out, listed.out + listed.err
