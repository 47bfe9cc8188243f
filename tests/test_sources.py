"""Reading inputs: kind sniffing and refusal of unusable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.errors import SourceError
from store.sources import read_file, sniff_kind


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<?xml-stylesheet href="f.xsl"?>\n<rss>', "feed"),
        (b"<!-- generated -->\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        (b"A title\n\nA paragraph of plain text.", "text"),
    ],
)
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


def test_html_content_type_wins_for_markup_free_bodies() -> None:
    assert sniff_kind(b"just words", "text/html; charset=utf-8") == "html"


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 owners \u201cwelcome\u201d it\n\nBody.".encode("cp1252"))
    source = read_file(path)
    assert source.kind == "text" and "Caf\u00e9" in source.text and "\u201c" in source.text


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="folder"):
        read_file(tmp_path)
