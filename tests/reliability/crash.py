"""The crash harness: a world to run commands in, kills aimed at every step, and what must
hold after each kill (see ``test_crash_safety``)."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability import files
from tests.reliability.support import blob_problems, child_env, run_in_process, snapshot
from tests.support.cases import small_document, write_case

KILLPOINT = Path(__file__).with_name("killpoint.py")
PARALLEL = max(2, min(4, os.cpu_count() or 2))
OLD_ARCHIVE = b"the archive of last week\n"


@dataclass(frozen=True)
class Scenario:
    name: str
    args: tuple[str, ...]  # relative to the world's folder, so that every copy runs the same command
    target: str | None = None


SCENARIOS = {
    "load": Scenario("load", ("load", "in2/case.json")),
    "import": Scenario("import", ("import", "1", "imp")),
    "restore": Scenario("restore", ("restore", "a.dossier")),
    "archive": Scenario("archive", ("archive", "1", "-o", "out/case.dossier"), "out/case.dossier"),
    "export": Scenario("export", ("export", "1", "-o", "out/dossier.pdf", "--as-of", "2024-06-30"), "out/dossier.pdf"),
    # Its exhibit files go with it: every one must still be there if the removal did not commit.
    "case-rm": Scenario("case-rm", ("case", "rm", "1", "--yes")),
}


def available() -> list[str]:
    """The scenarios whose command exists in this build (export lands after the rest)."""
    from dossier_app.cli.main import build_parser

    parser = build_parser()
    commands = next(a.choices for a in parser._subparsers._group_actions)  # type: ignore[union-attr]
    return [name for name, s in SCENARIOS.items() if s.args[0] in commands]


def make_world(base: Path) -> Path:
    """A home holding one case (committed before any kill), and every input the scenarios use."""
    base.mkdir(parents=True)
    assert run_in_process(base / "home", "load", str(write_case(base / "in1"))).code == 0
    other = small_document()
    other["case"]["title"] = "Garage Petit c/ HébergeTout"
    other["exhibits"] = [{"path": "files/devis.txt", "title": "Devis", "events": ["k1"]},
                         {"path": "files/contrat.pdf", "title": "Contrat", "number": 1},
                         {"path": "files/relance.txt", "title": "Relance"}]
    (base / "in2" / "files").mkdir(parents=True)
    (base / "in2" / "files" / "devis.txt").write_text("Devis n° 12, 1 200 € HT\n")
    (base / "in2" / "files" / "relance.txt").write_text("Relance du 3 mars 2024\n")
    files.pdf(base / "in2" / "files" / "contrat.pdf", "Contrat d'hébergement", "Laval, le 10 janvier 2024")
    write_case(base / "in2", other)
    imp = base / "imp"
    imp.mkdir()
    (imp / "appel.txt").write_text("Appel du 3 mars 2024 : coupure du site\n")
    (imp / "courriel.eml").write_text("From: a@b.fr\nTo: c@d.fr\nSubject: Relance\nDate: Mon, 4 Mar 2024 10:00:00 +0100\n\n"
                                      "Bonjour, la facture reste impayée.\n")
    files.pdf(imp / "mise-en-demeure.pdf", "Laval, le 10 mai 2024", "Mise en demeure")
    from PIL import Image

    Image.new("RGB", (120, 80), (200, 30, 30)).save(imp / "capture.png")
    (imp / "factures.csv").write_text("Numéro;Date;Montant TTC\nF-9;01/03/2024;120,00\nF-10;01/04/2024;80,50\n")
    scratch = base / "scratch"
    third = small_document()
    third["case"]["title"] = "Archivée ailleurs"
    third["exhibits"] = [{"path": "files/a.txt", "title": "A"}, {"path": "files/b.pdf", "title": "B", "number": 2}]
    (base / "in3" / "files").mkdir(parents=True)
    (base / "in3" / "files" / "a.txt").write_text("pièce venue d'un autre ordinateur\n")
    files.pdf(base / "in3" / "files" / "b.pdf", "Pièce B")
    assert run_in_process(scratch, "load", str(write_case(base / "in3", third))).code == 0
    assert run_in_process(scratch, "archive", "1", "-o", str(base / "a.dossier")).code == 0
    shutil.rmtree(scratch)
    (base / "out").mkdir()
    (base / "out" / "case.dossier").write_bytes(OLD_ARCHIVE)
    (base / "out" / "dossier.pdf").write_bytes(files.pdf_bytes("L'ancien dossier"))
    return base


@dataclass
class Reference:
    """The world before the command, and after it ran to the end undisturbed."""

    steps: list[str]
    duration: float
    before: tuple
    after: tuple
    old_target: bytes | None
    target: bytes | None


@dataclass
class Outcome:
    label: str
    folder: Path
    code: int
    group: int


@dataclass
class Tally:
    kills: int = 0
    before: int = 0
    after: int = 0
    leftovers_removed: int = 0
    part_files: int = 0
    target_old: int = 0
    target_new: int = 0
    details: list[str] = field(default_factory=list)


def reference(world: Path, scenario: Scenario, scratch: Path) -> Reference:
    folder = _copy(world, scratch / "reference")
    before = _state(folder)
    old = _target_bytes(folder, scenario)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(KILLPOINT), "0", "steps", "--home", "home", *scenario.args],
                          cwd=folder, env=child_env(), capture_output=True, text=True, timeout=300)
    duration = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr
    steps = (folder / "steps").read_text(encoding="utf-8").splitlines()
    return Reference(steps, duration, before, _state(folder), old, _target_bytes(folder, scenario))


def aimed_points(steps: list[str], budget: int) -> list[int]:
    """Every step if they fit the budget; else every commit, rename and worker start, and
    the step just after each, then evenly spread ones."""
    count = len(steps)
    if count <= budget:
        return list(range(1, count + 1))
    chosen: set[int] = set()
    for index, label in enumerate(steps, start=1):
        if label in ("sql COMMIT", "os.rename", "subprocess.Popen") or label.startswith("sql BEGIN"):
            chosen.update({index, min(index + 1, count)})
    spare = max(budget - len(chosen), 2)
    chosen.update(round(1 + i * (count - 1) / (spare - 1)) for i in range(spare))
    return sorted(chosen)


def kill_at_steps(world: Path, scenario: Scenario, points: list[int], scratch: Path) -> list[Outcome]:
    def one(point: int) -> Outcome:
        folder = _copy(world, scratch / f"step-{point}")
        proc = subprocess.Popen([sys.executable, str(KILLPOINT), str(point), "steps", "--home", "home",
                                 *scenario.args], cwd=folder, env=child_env(), start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return Outcome(f"step {point}", folder, proc.wait(timeout=300), proc.pid)

    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(one, points))


def kill_at_random_times(world: Path, scenario: Scenario, duration: float, count: int, seed: int,
                         scratch: Path) -> list[Outcome]:
    # The interpreter's start takes the first part of the run and writes nothing: aim past it.
    delays = [random.Random(seed + i).uniform(duration * 0.4, duration * 1.05) for i in range(count)]

    def one(item: tuple[int, float]) -> Outcome:
        index, delay = item
        folder = _copy(world, scratch / f"time-{index}")
        proc = subprocess.Popen([sys.executable, "-m", "dossier_app", "--home", "home", *scenario.args], cwd=folder,
                                env=child_env(), start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        return Outcome(f"after {delay:.2f} s", folder, proc.wait(timeout=300), proc.pid)

    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(one, enumerate(delays)))


def check(outcome: Outcome, scenario: Scenario, ref: Reference, tally: Tally) -> None:
    """What must hold after any kill, or after a run the kill came too late for."""
    where = f"{scenario.name}, killed at {outcome.label}"
    assert outcome.code in (0, -signal.SIGKILL), f"{where}: exit status {outcome.code}"
    _no_survivors(outcome.group, where)
    home = outcome.folder / "home"
    from dossier_app.store import open_store

    store = open_store(home, create=False)  # as the user's next command would
    try:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", where
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == [], where
        case_ids = [row[0] for row in store.conn.execute("SELECT id FROM cases")]
    finally:
        store.close()
    for case_id in case_ids:
        run = run_in_process(home, "verify", str(case_id))
        assert run.code == 0, f"{where}: verify {case_id}: {run.out}{run.err}"
        tally.leftovers_removed += int(re.split(r" fichiers? du stockage sans pièce", run.out)[0].rsplit("\n", 1)[-1]) \
            if "sans pièce" in run.out else 0
    assert blob_problems(home) == [], where
    state = _state(outcome.folder)
    assert state in (ref.before, ref.after), f"{where}: the store is neither as before nor as after"
    tally.kills += outcome.code != 0
    tally.before += state == ref.before and ref.before != ref.after
    tally.after += state == ref.after
    if scenario.target:
        _check_target(outcome.folder, scenario, ref, where, tally)
    shutil.rmtree(outcome.folder)


def _check_target(folder: Path, scenario: Scenario, ref: Reference, where: str, tally: Tally) -> None:
    assert scenario.target is not None
    target = folder / scenario.target
    now = target.read_bytes() if target.exists() else None
    if scenario.name == "export" and now is not None and now != ref.old_target:
        import pikepdf

        assert ref.target is not None
        with pikepdf.open(target) as made, pikepdf.open(__import__("io").BytesIO(ref.target)) as whole:
            assert len(made.pages) == len(whole.pages), f"{where}: a partial PDF under the target's name"
    else:
        assert now in (ref.old_target, ref.target), f"{where}: the target is neither the old file nor the new one"
    tally.target_new += now is not None and now != ref.old_target
    tally.target_old += now == ref.old_target
    # A temporary file is hidden and never under the target's name; a kill leaves it behind.
    hidden = [p.name for p in target.parent.iterdir() if p.name.startswith(".")]
    others = [p.name for p in target.parent.iterdir()
              if not p.name.startswith(".") and p.name not in ("dossier.pdf", "case.dossier")]
    assert others == [], f"{where}: unexpected files beside the target: {others}"
    tally.part_files += len(hidden)


def _no_survivors(group: int, where: str) -> None:
    """A worker the command started must not outlive it (it reads its orders from the dead one)."""
    deadline = time.monotonic() + 10
    while True:
        alive = [pid for pid in _group_members(group)]
        if not alive:
            return
        if time.monotonic() > deadline:
            for pid in alive:
                os.kill(pid, signal.SIGKILL)
            raise AssertionError(f"{where}: processes {alive} outlived the command")
        time.sleep(0.05)


def _group_members(group: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def _copy(world: Path, folder: Path) -> Path:
    shutil.copytree(world, folder, symlinks=True)
    return folder


def _state(folder: Path) -> tuple:
    rows, stored = snapshot(folder / "home")
    return tuple(rows), tuple(stored)


def _target_bytes(folder: Path, scenario: Scenario) -> bytes | None:
    if scenario.target is None:
        return None
    target = folder / scenario.target
    return target.read_bytes() if target.exists() else None


def write_report(name: str, points: int, random_kills: int, tally: Tally) -> None:
    """For docs/reliability.md: what was tried, and what it cost (set DOSSIER_RELIABILITY_REPORT)."""
    report = os.environ.get("DOSSIER_RELIABILITY_REPORT")
    if not report:
        return
    with open(report, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"scenario": name, "aimed": points, "random": random_kills, **tally.__dict__}) + "\n")
