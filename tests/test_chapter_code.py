"""The code a reader sees in the chapters: it fits the text column, it is teaching code (no gluing, no
Markdown tables built by hand), and copied cell by cell it runs, since it uses nothing defined only in
a cell the page removes."""

import ast
import builtins
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("[0-9]*.ipynb"))
COLUMN = 76  # characters a code box holds at 1280 px without scrolling
FOLDED_COLUMN = 75  # a cell tagged hide-input shows its code in a fold, a little narrower
SOLUTION_COLUMN = 69  # a code block inside an exercise's solution dropdown is narrower
REMOVED = {"remove-cell", "remove-input"}
# Names a notebook cell may use without defining them: Python's builtins and IPython's own.
PROVIDED = set(dir(builtins)) | {"display", "get_ipython", "__file__"}


def visible_cells(path: Path) -> list[tuple[int, str]]:
    """(index, source) of the code cells whose code the page shows, magics and shell lines dropped."""
    notebook = nbformat.read(path, as_version=4)
    return [(index, "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))))
            for index, cell in enumerate(notebook.cells)
            if cell.cell_type == "code" and not REMOVED & set(cell.metadata.get("tags", []))]


def bound_names(tree: ast.AST) -> set[str]:
    """Every name a piece of code binds anywhere in it (assignments, loops, imports, defs, arguments)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchAs) and node.name:
            names.add(node.name)
    return names


def used_names(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}


def strings(tree: ast.AST) -> list[str]:
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


chapters = pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)


@chapters
def test_visible_code_fits_the_column(path):
    notebook = nbformat.read(path, as_version=4)
    folded = {index for index, cell in enumerate(notebook.cells) if "hide-input" in cell.metadata.get("tags", [])}
    wide = [f"cell {index}: {line!r} ({len(line)} characters)"
            for index, source in visible_cells(path) for line in source.splitlines()
            if len(line) > (FOLDED_COLUMN if index in folded else COLUMN)]
    assert not wide, (f"{path.name}: lines wider than {COLUMN} characters ({FOLDED_COLUMN} in a hide-input "
                      "cell) scroll sideways:\n" + "\n".join(wide))


def fenced_code(path: Path) -> list[tuple[int, str]]:
    """(cell index, line) of every line of the code blocks written in the chapter's Markdown."""
    notebook = nbformat.read(path, as_version=4)
    lines = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            for block in re.findall(r"^```[^\n]*\n(.*?)^```", cell.source, re.S | re.M):
                lines.extend((index, line) for line in block.splitlines())
    return lines


@chapters
def test_code_in_the_prose_fits_a_solution_box(path):
    wide = [f"cell {index}: {line!r} ({len(line)} characters)"
            for index, line in fenced_code(path) if len(line) > SOLUTION_COLUMN]
    assert not wide, (f"{path.name}: code blocks in the Markdown (solutions) wider than {SOLUTION_COLUMN} "
                      "characters scroll sideways:\n" + "\n".join(wide))


@chapters
def test_visible_code_uses_nothing_defined_only_in_removed_cells(path):
    defined = set(PROVIDED)
    missing = []
    for index, source in visible_cells(path):
        tree = ast.parse(source)
        undefined = used_names(tree) - defined - bound_names(tree)
        if undefined:
            missing.append(f"cell {index} uses {sorted(undefined)}")
        defined |= bound_names(tree)
    assert not missing, (f"{path.name}: copied cell by cell, the visible code fails; these names are defined only "
                         "in removed cells:\n" + "\n".join(missing))


@chapters
def test_visible_code_neither_glues_nor_builds_tables(path):
    plumbing = []
    for index, source in visible_cells(path):
        tree = ast.parse(source)
        if "glue" in used_names(tree):
            plumbing.append(f"cell {index} calls glue()")
        if any(text.lstrip().startswith("|") or "|---" in text or "| ---" in text for text in strings(tree)):
            plumbing.append(f"cell {index} builds a Markdown table")
    assert not plumbing, (f"{path.name}: move this into a removed cell or a gencnn helper:\n" + "\n".join(plumbing))


def test_a_hidden_definition_is_caught(tmp_path):
    """The check above can fail: a visible cell using a name from a removed cell is reported."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("zs = [1, 2]", metadata={"tags": ["remove-cell"]}),
                      nbformat.v4.new_code_cell("total = sum(zs)")]
    path = tmp_path / "99_hidden.ipynb"
    nbformat.write(notebook, path)
    with pytest.raises(AssertionError, match=r"\['zs'\]"):
        test_visible_code_uses_nothing_defined_only_in_removed_cells(path)
