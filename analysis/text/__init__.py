"""Text handling: cleaning untrusted text, sentences, page furniture, dates, HTML pages, and
parsing a source (text dump, HTML page, feed entry) into an `Article`."""

from __future__ import annotations

from .clean import clean_text, cleaned_offset
from .sentences import sentence_spans, split_sentences

__all__ = ["clean_text", "cleaned_offset", "sentence_spans", "split_sentences"]
