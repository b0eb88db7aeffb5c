"""helpers.report as a package: its HTML templates ship with the kit (a non-editable install
has them), every value is escaped on the way into a template, and no module or function of
it grows past the project's size guideline."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

import helpers.report as report
from helpers.paths import PROJ_ROOT
from helpers.report.pages import Markup, render
from helpers.report.provenance import Provenance
from helpers.report.records import NotebookRun

PACKAGE = PROJ_ROOT / "helpers" / "report"
TEMPLATES = sorted(p.name for p in (PACKAGE / "templates").iterdir())


def test_templates_are_package_data(tmp_path):
    """setuptools' build step (what a wheel holds) copies every template file."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJ_ROOT / name, src / name)
    shutil.copytree(
        PROJ_ROOT / "helpers", src / "helpers", ignore=shutil.ignore_patterns("__pycache__")
    )
    code = "from setuptools import setup; setup()"
    built = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "-c", code, "-q", "build_py", "--build-lib", str(built)],
        cwd=src,
        check=True,
        capture_output=True,
    )
    shipped = sorted(p.name for p in (built / "helpers" / "report" / "templates").iterdir())
    assert shipped == TEMPLATES and "index.html" in shipped and "index.css" in shipped


def test_every_template_is_used_and_found_through_importlib_resources():
    sources = "".join(p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py"))
    for name in TEMPLATES:
        assert f'"{name}"' in sources, f"{name} is not used"
        assert (files("helpers.report") / "templates" / name).read_text(encoding="utf-8")


def test_render_escapes_text_and_keeps_markup():
    row = render("about_row.html", label='<b a="1">', value=Markup("<code>x</code>"))
    assert row == "<tr><th>&lt;b a=&quot;1&quot;&gt;</th><td><code>x</code></td></tr>\n"
    with pytest.raises(KeyError):
        render("about_row.html", label="only one value")


HOSTILE = "<script>alert(1)</script> \"q\" & 'a' $headline ${made}"


def test_index_pages_escape_every_value():
    prov = Provenance(HOSTILE, HOSTILE, HOSTILE, "ab" * 32, HOSTILE, HOSTILE)
    runs = [NotebookRun(HOSTILE, HOSTILE, None, 0.0)]
    for page in (
        report.index_html(prov, runs, corrections=HOSTILE),
        report.corpus_index_html(prov, runs),
    ):
        assert "<script>" not in page and "'a'" not in page and '"q"' not in page
        # a "$name" in a value is text, not a placeholder filled in again
        assert page.count("$headline") == page.count("&lt;script&gt;alert(1)") > 5


def test_modules_and_functions_stay_small():
    for path in PACKAGE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                assert length <= 60, f"{path.name}: {node.name} has {length} lines"


def test_public_names_stay_importable_from_helpers_report():
    for name in report.__all__:
        assert getattr(report, name) is not None, name
    assert callable(report.load_ipython_extension)  # the report kernels load the package
    assert Path(report.__file__).parent == PACKAGE
