"""The statement extractor on the two comparison articles (notebook 04's default pair).

Their gold was annotated by hand before the extractor ever ran on them; the floors are the
first score, measured once (tests/gold/compare/README.md) and rounded down to two decimals.
A regression floor, never a target: do not tune the extractor or edit the articles or gold
to raise them.
"""

import pytest

from helpers.evaluate import evaluate_files
from helpers.paths import PROJ_ROOT

COMPARE_GOLD = PROJ_ROOT / "tests" / "gold" / "compare"

FLOORS = {
    "precision": 0.95,
    "recall": 1.00,
    "f1": 0.97,
    "attribution_accuracy": 0.86,
    "end_to_end_f1": 0.85,
}
MAX_COUNT_ERROR = 6


@pytest.fixture(scope="module")
def compare_score():
    return evaluate_files([COMPARE_GOLD]).total


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_compare_gold_score_floor(compare_score, figure):
    assert getattr(compare_score, figure) >= FLOORS[figure]


def test_compare_gold_count_error_ceiling(compare_score):
    assert compare_score.count_error <= MAX_COUNT_ERROR
