"""Exceptions of document building."""

from __future__ import annotations


class DocumentError(Exception):
    """A document could not be built; the message says why, in Chinese."""


class PdfUnavailableError(DocumentError):
    """PDF cannot be produced on this machine (Pango or a CJK font is missing)."""
