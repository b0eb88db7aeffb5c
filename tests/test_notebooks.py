"""Every notebook runs from a clean kernel, on the bundled article and on an article without quotes.

Warnings and errors fail: a cell that writes to stderr is a failure, as in the cookbooks we
follow. Outputs are never written back to notebooks/.
"""

import nbformat
import papermill
import pytest
from nbclient import NotebookClient

from helpers.paths import NOTEBOOKS_DIR
from helpers.report.kernel import kernel_manager, prepare_ipython_dir

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))

NO_QUOTES = """City council approves new budget

The city council approved the budget for next year on Tuesday evening.

The plan raises spending on schools and parks. Council members voted seven to two.

Budget details

The budget takes effect in January after the mayor signs it.
"""


def _problems(nb) -> list[str]:
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append(f"cell {i} wrote to stderr: {out.get('text', '')[:300]}")
    return found


@pytest.fixture(autouse=True)
def _headless(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")


@pytest.fixture
def kit_kernel(tmp_path):
    """A kernel manager for this very interpreter (the kit's environment), not whatever
    kernel is installed under the name python3."""
    return kernel_manager(prepare_ipython_dir(tmp_path / "ipython"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_the_bundled_article(path, tmp_path, kit_kernel):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, km=kit_kernel, resources={"metadata": {"path": tmp_path}}
    ).execute()
    assert not _problems(nb)
    assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_an_article_without_quotes(path, tmp_path, kit_kernel):
    article = tmp_path / "council.txt"
    article.write_text(NO_QUOTES, encoding="utf-8")
    out = tmp_path / path.name
    parameters = {"article_path": str(article)}
    if "compare_path" in path.read_text(encoding="utf-8"):  # notebook 04 compares two articles
        other = tmp_path / "council_again.txt"
        other.write_text(NO_QUOTES.replace("seven to two", "six to three"), encoding="utf-8")
        parameters["compare_path"] = str(other)
    nb = papermill.execute_notebook(
        str(path),
        str(out),
        parameters=parameters,
        km=kit_kernel,
        cwd=str(tmp_path),
        progress_bar=False,
    )
    assert not _problems(nbformat.from_dict(nb))
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and str(article) in injected[0].source


def test_notebook_kernels_run_the_kits_interpreter(tmp_path, kit_kernel):
    import sys

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import sys; print(sys.executable)")]
    NotebookClient(nb, timeout=60, km=kit_kernel).execute()
    assert nb.cells[0].outputs[0]["text"].strip() == sys.executable
