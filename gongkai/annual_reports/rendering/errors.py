"""Exceptions of the renderers."""

from __future__ import annotations


class RenderError(Exception):
    """A report could not be rendered; the message says why, in Chinese."""


class UnknownFormatError(RenderError, ValueError):
    """The requested output format is not one gongkai renders."""
