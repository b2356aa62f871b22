"""The imports pages show a finding code's Chinese description beside the code."""

from __future__ import annotations

from gongkai.annual_reports.codes import describe_code
from gongkai.imports.templatetags.imports_tags import code_label, code_title


def test_a_code_is_shown_with_its_description() -> None:
    html = code_label("applications.balance")
    assert describe_code("applications.balance") in html
    assert '<code class="imp-code-id">applications.balance</code>' in html
    assert code_title("import.table_missing") == describe_code("import.table_missing")


def test_an_unknown_code_is_shown_alone_and_escaped() -> None:
    assert code_label("<x>.y") == '<code class="imp-code-id">&lt;x&gt;.y</code>'
