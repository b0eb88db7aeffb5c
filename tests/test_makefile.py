"""`make report ARTICLE=...`: the path reaches the kit as one argument, never as shell code.

The recipe runs with a stand-in Python (a script that records its arguments), so these
tests check only what make and the shell hand over, in well under a second.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from helpers.paths import PROJ_ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

RECORDER = """#!/usr/bin/env python3
import json, os, sys
with open(os.environ["KIT_TEST_ARGS"], "a", encoding="utf-8") as fh:
    fh.write(json.dumps({"args": sys.argv[1:], "cwd": os.getcwd()}) + "\\n")
"""


def make_report(tmp_path, *make_args, env_article=None):
    """Run `make -C <kit> report ...` from tmp_path with a recording python; return its calls."""
    fake = tmp_path / "fake-env" / "bin"
    fake.mkdir(parents=True, exist_ok=True)
    python = fake / "python"
    python.write_text(RECORDER, encoding="utf-8")
    python.chmod(0o755)
    stamp = tmp_path / "stamp"
    stamp.touch()
    calls = tmp_path / "calls.jsonl"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "CONDA_PREFIX")}
    env.update({"KIT_TEST_ARGS": str(calls), "PWD": str(tmp_path)})
    env.pop("ARTICLE", None)
    env.pop("CORRECTIONS", None)
    if env_article is not None:
        env["ARTICLE"] = env_article
    subprocess.run(
        ["make", "-s", "-C", str(PROJ_ROOT), "report", f"PY={python}", f"STAMP={stamp}"]
        + list(make_args),
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return [json.loads(line) for line in calls.read_text(encoding="utf-8").splitlines()]


HOSTILE_NAMES = [
    "my article.txt",
    "x;touch pwned;.txt",
    "$(touch pwned).txt",
    "`touch pwned`.txt",
    "a\"b'c.txt",
    "price$5 & $$HOME.txt",
    "-rf.txt",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_article_path_is_passed_as_one_literal_argument(tmp_path, name):
    calls = make_report(tmp_path, f"ARTICLE={name}")
    assert calls == [{"args": ["-m", "helpers", "report", name], "cwd": str(tmp_path)}]
    assert not (tmp_path / "pwned").exists()
    assert not (PROJ_ROOT / "pwned").exists()


def test_article_from_the_environment_is_literal_too(tmp_path):
    calls = make_report(tmp_path, env_article="x;touch pwned;.txt")
    assert calls[0]["args"] == ["-m", "helpers", "report", "x;touch pwned;.txt"]
    assert not (tmp_path / "pwned").exists()


def test_no_article_means_no_argument(tmp_path):
    calls = make_report(tmp_path)
    assert calls == [{"args": ["-m", "helpers", "report"], "cwd": str(tmp_path)}]


def test_corrections_file_or_none_reaches_the_kit_literally(tmp_path):
    calls = make_report(tmp_path, "ARTICLE=a.txt", "CORRECTIONS=my fixes;$(x).csv")
    assert calls[0]["args"] == [
        "-m",
        "helpers",
        "report",
        "a.txt",
        "--corrections",
        "my fixes;$(x).csv",
    ]
    other = tmp_path / "other"
    other.mkdir()
    calls = make_report(other, "CORRECTIONS=none")
    assert calls[0]["args"] == ["-m", "helpers", "report", "--no-corrections"]
