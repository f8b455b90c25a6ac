"""`load`, `import`, `restore`, `archive` and `export`, killed with SIGKILL at every step that
touches the disk (and at random moments): after each kill the store opens, its integrity
check is ok, `verify` is clean, what was committed before is there, the command's work is
there whole or not at all, no partial file is left under a target's name, and no worker
process outlives the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability import crash

# Bounded so that the whole suite stays within a few minutes on two cores.
AIMED_BUDGET = 48
RANDOM_KILLS = 5


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return crash.make_world(tmp_path_factory.mktemp("crash") / "world")


@pytest.mark.slow
@pytest.mark.parametrize("name", crash.available())
def test_killed_anywhere_nothing_is_lost_or_half_done(name: str, world: Path, tmp_path: Path) -> None:
    scenario = crash.SCENARIOS[name]
    ref = crash.reference(world, scenario, tmp_path)
    assert ref.after != ref.before or scenario.target, "the reference run changed nothing"
    points = crash.aimed_points(ref.steps, AIMED_BUDGET)
    tally = crash.Tally()
    for outcome in crash.kill_at_steps(world, scenario, points, tmp_path):
        assert outcome.code != 0, f"{name}: step {outcome.label} was never reached (the steps drifted)"
        crash.check(outcome, scenario, ref, tally)
    for outcome in crash.kill_at_random_times(world, scenario, ref.duration, RANDOM_KILLS, len(name), tmp_path):
        crash.check(outcome, scenario, ref, tally)
    if ref.after != ref.before:
        assert tally.before and tally.after, f"{name}: the kills never straddled the commit"
    if scenario.target:
        assert tally.target_old and tally.target_new, f"{name}: the kills never straddled the target's replacement"
    crash.write_report(name, len(points), RANDOM_KILLS, tally)
