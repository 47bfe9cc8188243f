"""Direct quotes: quote marks paired in every house style, quoted terms told from speech, and
each quote's speaker through the people layer."""

from __future__ import annotations

from .extract import extract_quotes

__all__ = ["extract_quotes"]
