"""Every problem code the intake rules emit is documented, and nothing else is."""

from __future__ import annotations

import ast
import re
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "rules"
DOC = (
    Path(__file__).resolve().parents[4] / "docs" / "reference" / "application-input.md"
)
_CODE = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z_0-9]*$")


def _emitted() -> set[str]:
    found: set[str] = set()
    for path in RULES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and node.func
                and isinstance(node.func, ast.Name)
            ) and node.func.id.endswith("Problem"):
                for arg in node.args[:2]:
                    if isinstance(arg, ast.Constant) and _CODE.match(str(arg.value)):
                        found.add(str(arg.value))
    return found


def test_every_emitted_problem_code_is_documented_and_only_those() -> None:
    documented = set(
        re.findall(r"^\| `([a-z_]+\.[a-z_0-9]+)` \|", DOC.read_text("utf-8"), re.M)
    )
    emitted = _emitted()
    assert len(emitted) > 25
    assert sorted(emitted - documented) == []
    assert sorted(documented - emitted) == []
