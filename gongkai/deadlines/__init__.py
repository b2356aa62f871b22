"""Working-day calendar and statutory deadlines.

``calendar``, ``provisional``, ``rules`` and ``engine`` are pure code (no Django
imports, no clock reads: dates in, dates out).  ``models``, ``admin``, ``selectors``
and ``services`` hold the office's holiday table and build a calendar from it.
"""
