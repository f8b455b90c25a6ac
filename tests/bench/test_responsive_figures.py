"""The event-loop probe's arithmetic: how late a 10 ms timer came, and the 95th percentile."""

from __future__ import annotations

import pytest

from bench.bench_responsive import latenesses, percentile


def test_a_stall_shows_once_as_the_firing_that_came_late():
    fires = [0.000, 0.010, 0.020, 0.270, 0.280, 0.2905]
    assert latenesses(fires, 0.010) == pytest.approx([0.0, 0.0, 0.240, 0.0, 0.0005])


def test_a_timer_firing_early_is_not_late():
    assert latenesses([0.0, 0.009, 0.019], 0.010) == [0.0, 0.0]


def test_the_95th_percentile_is_the_nearest_rank():
    assert percentile([float(x) for x in range(100, 0, -1)], 95) == 95.0
    assert percentile([3.0, 1.0, 2.0], 95) == 3.0
    assert percentile([7.0], 50) == 7.0
    assert percentile([], 95) == 0.0
