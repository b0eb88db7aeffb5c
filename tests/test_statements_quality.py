"""Quality of the statement extractor against gold statements (helpers.evaluate).

Our own gold files always; the PolNeAR development corpus only when it sits beside the
checkout (it is not ours and never shipped): skipped with a reason otherwise."""

from pathlib import Path

import pytest

from helpers import PROJ_ROOT
from helpers.evaluate import evaluate_files

GOLD = PROJ_ROOT / "tests" / "gold"
POLNEAR = Path(PROJ_ROOT).parent / "shared" / "data" / "polnear-dev"


def test_own_gold_end_to_end():
    if not any(GOLD.glob("*.json")):
        pytest.skip("no gold files in tests/gold/")
    totals = evaluate_files([GOLD]).totals.iloc[0]
    assert totals["end_to_end_f1"] >= 0.95
    assert totals["precision"] >= 0.95 and totals["recall"] >= 0.95


@pytest.mark.skipif(
    not (POLNEAR / "attributions").is_dir(),
    reason="PolNeAR dev corpus not present at ../shared/data/polnear-dev (not shipped)",
)
def test_polnear_dev_detection_and_attribution():
    totals = evaluate_files([POLNEAR]).totals.iloc[0]
    # measured 2026-11-28: F1 0.85, precision 0.93, recall 0.78, attribution 0.98
    assert totals["f1"] >= 0.82
    assert totals["precision"] >= 0.88
    assert totals["attribution_accuracy"] >= 0.90
