"""The project's own hygiene: dependencies agree, lint passes, notebooks are committed clean."""

import json
import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from helpers.paths import NOTEBOOKS_DIR, PROJ_ROOT


def _split(spec: str) -> tuple[str, str]:
    m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", spec)
    assert m, spec
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject():
    """environment.yml must list exactly pyproject's dependencies (runtime + extras), same
    bounds."""
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(_split(s) for s in project["dependencies"])
    for extra in project["optional-dependencies"].values():  # conda gets every extra
        wanted.update(_split(s) for s in extra)

    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    conda, pip_section = {}, []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_section.extend(dep.get("pip", []))
            continue
        name, bound = _split(dep)
        if name not in {"python", "pip"}:
            conda[name] = bound
    assert conda == wanted
    assert "-e ." in pip_section
    python_bound = next(d for d in env["dependencies"] if isinstance(d, str) and "python" in d)
    assert python_bound.replace(" ", "") == "python" + project["requires-python"]


def test_ruff_lint_and_format():
    check = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=PROJ_ROOT, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        cwd=PROJ_ROOT,
        capture_output=True,
        text=True,
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_clean(path):
    """No outputs and no execution counts in a committed notebook: strip them before committing."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, cell in enumerate(nb["cells"])
        if cell.get("outputs") or cell.get("execution_count") is not None
    ]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs or execution counts"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_parameters_cell_and_no_path_hacks(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    assert "article_path" in "".join(tagged[0]["source"])
    source = "\n".join("".join(c["source"]) for c in code)
    assert "sys.path" not in source and "../data" not in source
    assert "nltk.download" not in source


def test_no_nltk_download_anywhere_in_the_helpers():
    for path in (PROJ_ROOT / "helpers").glob("*.py"):
        assert "nltk.download" not in path.read_text(encoding="utf-8"), path


def test_makefile_help_lists_the_readme_commands():
    out = subprocess.run(["make", "help"], cwd=PROJ_ROOT, capture_output=True, text=True).stdout
    for target in ("report", "test", "lab"):
        assert f"make {target}" in out
    readme = (PROJ_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make report" in readme and "make test" in readme
    assert "conda env create -f environment.yml" in readme
