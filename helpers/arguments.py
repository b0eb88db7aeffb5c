"""Value types for the command line's options, shared by the commands (argparse calls them
with the text given and shows their message as a usage error, exit code 2)."""

from __future__ import annotations

import argparse
import math


def positive_int(value: str) -> int:
    """A whole number of 1 or more ('--top 5', '--workers 2')."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return n


def megabytes(value: str) -> float:
    """A size in megabytes above 0 ('--max-size 50', '--max-mb 2.5'); not 'inf' or 'nan'
    (a size limit is a number: give a large one to read large files)."""
    try:
        mb = float(value)
    except ValueError:
        mb = 0.0
    if not (mb > 0 and math.isfinite(mb)):
        raise argparse.ArgumentTypeError(f"expected a size in MB above 0, not {value!r}")
    return mb
