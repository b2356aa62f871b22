"""Comparison of annual reports, for auditors, on any report (imported or made
here).  Pure: the statistics and findings go in as plain data (the interchange
form and the stored findings), the comparison comes out; no database, no clock.

- ``figures``: the main figures of each report (总计 column of section 三, the appeal
  totals, the section 二 counts and the fee).
- ``carry_over``: the carry-over between consecutive years of one organ (finding
  code ``codes.CARRY_OVER``, a warning).
- ``compare``: the side-by-side table of figures, marked where a check relation
  through a cell is broken or the carry-over does not match.
"""

from gongkai.annual_reports.comparison.carry_over import (
    CarryColumn,
    CarryOver,
    CarryPair,
    carry_over_check,
    carry_overs_for,
    carry_pairs,
)
from gongkai.annual_reports.comparison.compare import (
    Comparison,
    ComparisonRow,
    FigureCell,
    compare_reports,
)
from gongkai.annual_reports.comparison.figures import MAIN_FIGURES, Figure, figure_value
from gongkai.annual_reports.comparison.inputs import ReportInput

__all__ = [
    "MAIN_FIGURES",
    "CarryColumn",
    "CarryOver",
    "CarryPair",
    "Comparison",
    "ComparisonRow",
    "Figure",
    "FigureCell",
    "ReportInput",
    "carry_over_check",
    "carry_overs_for",
    "carry_pairs",
    "compare_reports",
    "figure_value",
]
