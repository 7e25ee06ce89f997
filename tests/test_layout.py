"""The house rules of the code's shape: no module of lib/newsvoices over 400 lines, no function
over 60, so every step stays one readable module and every rule one small function."""
import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parent.parent / "lib" / "newsvoices"
MODULES = sorted(LIB.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(LIB)) for p in MODULES])
def test_module_and_function_size(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 400, f"{path.name} has {len(source.splitlines())} lines"
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60]
    assert not long, f"functions over 60 lines in {path.name}: {long}"
