"""`python -m helpers`: the command skeleton, the tokens command, and clean errors."""

import json
import subprocess
import sys

from helpers import BUNDLED_ARTICLE
from helpers.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=120
    )


def test_tokens_table(capsys):
    assert main(["tokens", str(BUNDLED_ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert "sentences" in out and "744" in out


def test_tokens_json(capsys):
    assert main(["tokens", str(BUNDLED_ARTICLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paragraphs"] == 20 and data["words"] == 744


def test_tokens_sentences_csv(capsys):
    assert main(["tokens", str(BUNDLED_ARTICLE), "--sentences", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "sentence,paragraph,block,start,end,words,text"
    assert len(lines) == 29  # a header and 28 sentences


def test_missing_file_is_one_line_on_stderr_and_exit_2(tmp_path):
    result = run("tokens", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and "missing.txt does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_html_input_exit_2(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    result = run("tokens", str(page))
    assert result.returncode == 2 and "HTML" in result.stderr


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0 and "tokens" in result.stdout


def test_unknown_command_fails():
    assert run("frobnicate").returncode != 0


def test_json_output_turns_missing_values_into_null():
    import io

    import pandas as pd

    from helpers.output import print_table

    df = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "s": ["a", None]})
    out = io.StringIO()
    print_table(df, "json", file=out)
    assert json.loads(out.getvalue()) == [{"n": 1, "s": "a"}, {"n": None, "s": None}]


def test_each_command_lives_in_its_own_module_and_loads_alone():
    """`python -m helpers statements` imports only helpers.statements_cli (start-up time), so
    every command module must be named after the command it registers."""
    import argparse
    import importlib

    from helpers.cli import COMMAND_MODULES, _command_module, _wanted

    for module in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        (name,) = sub.choices
        assert _command_module(name) == module
        assert _wanted([name, "x.txt"]) == [module]
    assert _wanted(["--help"]) == COMMAND_MODULES
    assert _wanted(["nosuch"]) == COMMAND_MODULES


def test_the_statements_command_starts_without_pandas_or_nltk():
    code = (
        "import sys; from helpers.cli import main; "
        f"main(['statements', {str(BUNDLED_ARTICLE)!r}, '--format', 'json']); "
        "print(sorted(m for m in ('pandas', 'nltk', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
