"""`byline add --analyses DIR`: analysis records (store.archive) loaded into the store in bulk,
so an archive analysed on a cluster is browsable in the reader.

Each record becomes a standalone article: its analysis (with the engine stamp it came with) in
its body shard, its quote/speaker digest, its index document. Records are written by groups of
shards, as the bulk analysis writes: a pass over the files keeps the records whose id falls in
the pass's shards (read from the head of each line, unparsed, for the others), then writes each
of those shards once and the index last, in one crash-safe batch. A big archive takes several
passes, so memory holds about LOAD_PASS_BYTES of records whatever the archive's size.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import Analysis

from .archive import PARTITION_GLOB
from .articles import (
    INDEX,
    body_file,
    content_id,
    engine_of,
    index_doc,
    listed_title,
    quote_digest,
    quotes_file,
    shard_of,
    text_of,
    url_id,
)
from .db import keyed
from .errors import SourceError
from .records import LoadReport
from .shapes import ANALYSIS_TEXT, fits_analysis

if TYPE_CHECKING:
    from .library import Library

LOAD_PASS_BYTES = 100_000_000
SHARDS = 256
_HEAD_ID = re.compile(rb'\{"id": ?"([0-9a-f]{16})"')


def record_files(target: Path) -> list[Path]:
    """The partitions of a folder (sorted), or one JSON Lines file."""
    if target.is_dir():
        found = sorted(target.glob(PARTITION_GLOB)) or sorted(target.glob("*.jsonl"))
        if not found:
            raise SourceError(f"{target}: no JSON Lines partitions (*.jsonl) in this folder")
        return found
    if target.is_file():
        return [target]
    raise SourceError(f"{target}: no such file or folder")


def load_records(lib: Library, targets: list[Path],
                 progress: Callable[[int, int], None] | None = None) -> LoadReport:
    files = [f for target in targets for f in record_files(target)]
    sizes = [f.stat().st_size for f in files]
    passes = max(1, min(SHARDS, math.ceil(sum(sizes) / LOAD_PASS_BYTES)))
    report = LoadReport()
    done, total = 0, sum(sizes) * passes
    for number in range(passes):
        wanted = {f"{s:02x}" for s in range(SHARDS) if s * passes // SHARDS == number}
        found: dict[str, dict[str, Any]] = {}
        for path, size in zip(files, sizes, strict=True):
            for record in _records(path, wanted, first_pass=number == 0, report=report):
                if record["id"] not in found:
                    found[record["id"]] = record
            done += size
            if progress:
                progress(done, total)
        _store(lib, found, report)
    return report


def _records(path: Path, wanted: set[str], *, first_pass: bool, report: LoadReport,
             ) -> Iterator[dict[str, Any]]:
    """The well-formed records of one file whose id's shard is in `wanted`. A line whose id
    cannot be read from its head (a bare `analyze --json` line, an error record, a damaged
    line) is parsed on the first pass only, so each is taken or reported once."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            head = _HEAD_ID.match(line)
            if head is not None and head.group(1)[:2].decode() not in wanted:
                continue
            if head is None and not first_pass:
                continue
            record = _parsed(line, f"{path}:{number}", report)
            if record is not None and (head is None or shard_of(record["id"]) in wanted):
                yield record


def _parsed(line: bytes, where: str, report: LoadReport) -> dict[str, Any] | None:
    """A record as stored: id, source, engine and a normalised analysis; None (reported) when
    the line is an error record or not a record at all."""
    try:
        data = json.loads(line)
    except ValueError:
        report.failed.append(f"{where}: not a JSON line")
        return None
    if not isinstance(data, dict):
        report.failed.append(f"{where}: not an analysis record")
        return None
    if "error" in data:
        report.failed.append(str(data["error"]) or f"{where}: an input that failed")
        return None
    if "analysis" not in data and "paragraphs" in data:  # a bare `byline analyze --json` line
        data = {"id": "", "source": "", "engine": 0, "analysis": data}
    analysis = _well_formed(data.get("analysis"))
    if analysis is None:
        report.failed.append(f"{where}: not an analysis record")
        return None
    article_id = data.get("id")
    if not (isinstance(article_id, str) and re.fullmatch(r"[0-9a-f]{16}", article_id)):
        url = analysis["url"]
        article_id = url_id(url) if url.startswith(("http://", "https://")) else content_id(
            text_of(analysis))
    source = data.get("source")
    return {"id": article_id, "source": source if isinstance(source, str) else "",
            "engine": engine_of(data), "analysis": analysis}


def _well_formed(analysis: Any) -> dict[str, Any] | None:
    """The analysis as `Analysis.to_dict()` makes it, when every field has its type (what the
    reader shows must be text where text is expected); None otherwise."""
    if not fits_analysis(analysis) or not all(
            isinstance(analysis.get(k, ""), str) for k in ANALYSIS_TEXT):
        return None
    try:
        return Analysis.from_dict(analysis).to_dict()
    except (TypeError, ValueError):
        return None


def _store(lib: Library, found: dict[str, dict[str, Any]], report: LoadReport) -> None:
    """One pass's records in one batch: body and digest shards first, the index last."""
    if not found:
        return
    bodies: dict[str, dict[str, Any]] = {}
    digests: dict[str, dict[str, Any]] = {}
    docs = []
    now = time.time()
    with lib.files.batch():
        indexed = lib.files.raw(INDEX, "articles")
        for n, (article_id, record) in enumerate(found.items()):
            if article_id in indexed:
                report.known += 1
                continue
            analysis, engine = record["analysis"], record["engine"]
            title = listed_title(analysis["title"], analysis["paragraphs"], record["source"])
            bodies.setdefault(body_file(article_id), {})[article_id] = {
                "kind": "text", "analysis": analysis, "engine": engine}
            digests.setdefault(quotes_file(article_id), {})[article_id] = quote_digest(
                analysis, title, analysis["published"], engine)
            docs.append(keyed(article_id, index_doc(
                article_id, title=title, published=analysis["published"],
                source=record["source"], link=analysis["url"], kind="text",
                content_hash=content_id(text_of(analysis)), added=now - n * 1e-6)))
        for table, files in (("bodies", bodies), ("quotes", digests)):
            for name, shard_docs in files.items():
                lib.files.table(name, table).put_many(shard_docs)
        if docs:
            lib.files.table(INDEX, "articles").insert_multiple(docs)
    report.added += len(docs)
    lib.files.release([*bodies, *digests])
