"""``gongkai letter``: an issued letter (or a draft) to a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.applications.outcomes import Outcome
from gongkai.cli import main
from gongkai.documents.fonts import cjk_font_installed
from gongkai.letters import services as ls
from gongkai.letters.tests.conftest import World
from gongkai.letters.tests.helpers import DECIDED, decided, pdf_text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not cjk_font_installed(), reason="no CJK font"),
]


def test_writes_the_issued_letter(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = decided(world, Outcome.DISCLOSED)
    argv = ["letter", "--application", str(app.pk), "--kind", "disclosed"]
    out = tmp_path / "letter.pdf"
    assert main([*argv, "-o", str(out)]) == 1  # nothing issued yet
    assert "--draft" in capsys.readouterr().err
    assert main([*argv, "--draft", "-o", str(out)]) == 0
    assert "〔出具时编号〕" in pdf_text(out.read_bytes()).replace("\n", "")
    letter = ls.letter_issue(
        application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    assert main([*argv, "-o", str(out)]) == 0
    assert letter.number in pdf_text(out.read_bytes()).replace("\n", "")
    docx = tmp_path / "letter.docx"
    assert main([*argv, "-o", str(docx)]) == 0
    assert docx.read_bytes().startswith(b"PK")


def test_bad_input(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert (
        main(["letter", "--application", "999999", "--kind", "disclosed", "-o", out])
        == 1
    )
    assert "没有编号为 999999 的申请" in capsys.readouterr().err
    assert main(["letter", "--application", "1", "--kind", "nope", "-o", out]) == 2
    assert "文书类别「nope」不存在" in capsys.readouterr().err
    bad = str(tmp_path / "x.txt")
    assert main(["letter", "--application", "1", "--kind", "disclosed", "-o", bad]) == 2
