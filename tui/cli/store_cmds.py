"""Store subcommands: add, related, speakers, quotes, reanalyze, bookmarks {add,remove,list,
export}.

Each takes --json (then stdout holds JSON only). A bad input prints one `byline: ...` line on
stderr and the command goes on with the other inputs, exiting 2 at the end; a store that
cannot be used (locked, newer schema) exits 1.
"""

from __future__ import annotations

import argparse
import sys

import analysis
from analysis import clean_text
from store.library import Library

from .common import (
    EXIT_BAD_INPUT,
    PerInput,
    emit_json,
    error,
    guarded,
    jobs_flag,
    json_flag,
    needs_action,
    progress_bar,
    safe,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `byline` parser."""
    p = sub.add_parser("add", help="store articles or feeds (files or URLs); print their ids")
    p.add_argument("targets", nargs="*", metavar="PATH_OR_URL")
    p.add_argument("--analyses", nargs="+", metavar="DIR", default=[],
                   help="load analyses made by `byline analyze --out DIR` (or --dask): "
                        "folders of JSON Lines partitions, or .jsonl files")
    json_flag(p)
    p.set_defaults(func=guarded(run_add))

    p = sub.add_parser("related", help="feed entries related to a stored article, best first")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("--limit", type=int, default=10, help="how many (default 10)")
    json_flag(p)
    p.set_defaults(func=guarded(run_related))

    p = sub.add_parser("speakers", help="every speaker in the store with quote/article counts")
    _all_flag(p)
    json_flag(p)
    p.set_defaults(func=guarded(run_speakers))

    p = sub.add_parser("quotes", help="what one speaker said across all stored articles")
    p.add_argument("--speaker", required=True, metavar="NAME")
    _all_flag(p)
    json_flag(p)
    p.set_defaults(func=guarded(run_quotes))

    p = sub.add_parser("reanalyze",
                       help="analyse again what an older analysis engine analysed")
    jobs_flag(p)
    json_flag(p)
    p.set_defaults(func=guarded(run_reanalyze))

    p = sub.add_parser("bookmarks", help="bookmarked quotes: add, remove, list, export")
    needs_action(p, "add, remove, list or export")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("add", help="bookmark a quote by id (ARTICLE_ID:qN)")
    a.add_argument("quote_ids", nargs="+", metavar="QUOTE_ID")
    a.add_argument("--note", default="", metavar="TEXT")
    json_flag(a)
    a.set_defaults(func=guarded(run_bookmark_add))
    a = actions.add_parser("remove", help="remove bookmarks")
    a.add_argument("quote_ids", nargs="+", metavar="QUOTE_ID")
    json_flag(a)
    a.set_defaults(func=guarded(run_bookmark_remove))
    a = actions.add_parser("list", help="list bookmarks, newest first")
    json_flag(a)
    a.set_defaults(func=guarded(run_bookmark_list))
    a = actions.add_parser("export", help="print bookmarks as Markdown or JSON")
    a.add_argument("--format", choices=("markdown", "json"), default="markdown")
    a.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    json_flag(a)
    a.set_defaults(func=guarded(run_bookmark_export))


def _all_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true",
                        help="first analyse feed entries not opened yet, and again what an "
                             "older engine analysed (on every core; can take a while)")
    jobs_flag(parser)


def _cover_entries(lib: Library, args: argparse.Namespace) -> None:
    """Speakers come from analysed articles; entries are analysed when first opened."""
    pending, stale = lib.pending_analyses(), lib.stale_analyses()
    if args.all:
        if pending or stale:
            from store.errors import StoreError

            try:
                with progress_bar("analysing") as update:
                    lib.analyze_pending(update, jobs=args.jobs)
            except StoreError as exc:
                if not lib.files.read_only:
                    raise
                error(f"{exc}; feed entries not analysed yet are left out")
                return
        done = [f"analysed {_count(pending, 'feed entry')}"] if pending else []
        if stale:
            done.append(f"re-analysed {_count(stale, 'article')} an older engine analysed")
        if done:
            print(f"byline: {', '.join(done)}", file=sys.stderr)
        return
    if pending:
        print(f"byline: {_count(pending, 'feed entry')} not analysed yet are left out "
              "(add --all to include them)", file=sys.stderr)
    if stale:
        print(f"byline: {_count(stale, 'article')} analysed by an older engine "
              "(`byline reanalyze` brings them up to date)", file=sys.stderr)


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun}" if n == 1 else f"{n} {plural}"


def run_add(lib: Library, args: argparse.Namespace) -> int:
    if args.analyses:
        if args.targets:
            error("give either articles and feeds, or --analyses DIR, not both")
            return EXIT_BAD_INPUT
        return _add_analyses(lib, args)
    if not args.targets:
        error("add needs a file or URL (or --analyses DIR)")
        return EXIT_BAD_INPUT
    inputs, out = PerInput(), []
    for target, refs in inputs.each(args.targets, lib.add):
        out.extend(refs)
        if not args.json:
            new = [r for r in refs if r.new]
            for ref in new if len(refs) > 1 else refs:
                suffix = "" if ref.new else "  (already in the store)"
                print(f"{ref.id}  {safe(ref.title)}{suffix}")
            if len(refs) > 1 and len(new) < len(refs):
                print(f"byline: {safe(target)}: {len(refs) - len(new)} entries already in "
                      "the store", file=sys.stderr)
    if args.json:
        emit_json([{k: v for k, v in r.to_dict().items() if k != "read"} for r in out])
    return inputs.status


def _add_analyses(lib: Library, args: argparse.Namespace) -> int:
    with progress_bar("loading analyses (MB)") as update:
        report = lib.add_analyses(args.analyses, lambda done, total: update(
            round(done / 1e6), round(total / 1e6)))
    for line in report.failed:
        error(line)
    if args.json:
        emit_json(report.to_dict())
    else:
        known = f" ({report.known} already in the store)" if report.known else ""
        print(f"added {_count(report.added, 'article')}{known}")
    return EXIT_BAD_INPUT if report.failed else 0


def run_reanalyze(lib: Library, args: argparse.Namespace) -> int:
    with progress_bar("re-analysing") as update:
        done = lib.reanalyze(update, jobs=args.jobs)
    if args.json:
        emit_json({"reanalyzed": done, "engine": analysis.ENGINE_VERSION})
    elif done:
        print(f"re-analysed {_count(done, 'article')} (engine version "
              f"{analysis.ENGINE_VERSION})")
    else:
        print(f"every stored analysis is up to date (engine version "
              f"{analysis.ENGINE_VERSION})")
    return 0


def _resolve_id(lib: Library, given: str) -> str:
    """A full article id from a unique prefix of 4+ characters (as git takes hashes)."""
    given = given.strip().lower()
    if len(given) < 4 or lib.ref(given) is not None:
        return given
    matches = [d["id"] for d in lib.index_docs() if d["id"].startswith(given)]
    return matches[0] if len(matches) == 1 else given


def run_related(lib: Library, args: argparse.Namespace) -> int:
    entries = lib.related(_resolve_id(lib, args.article_id), limit=max(args.limit, 0))
    if args.json:
        emit_json([{"id": e.id, "guid": e.guid, "title": e.title, "link": e.link,
                     "score": e.score} for e in entries])
    elif not entries:
        print("no related feed entries in the store", file=sys.stderr)
    for e in entries if not args.json else []:
        print(f"{e.score:6.3f}  {e.id}  {safe(e.title)}")
    return 0


def run_speakers(lib: Library, args: argparse.Namespace) -> int:
    _cover_entries(lib, args)
    speakers = lib.speakers()
    if args.json:
        emit_json([s.to_dict() for s in speakers])
        return 0
    for s in speakers:
        role = f" — {safe(s.role)}" if s.role else ""
        print(f"{safe(s.name)}{role}  ({_count(s.quote_count, 'quote')}, "
              f"{_count(s.article_count, 'article')})")
    if not speakers:
        print("no speakers in the store yet", file=sys.stderr)
    return 0


def run_quotes(lib: Library, args: argparse.Namespace) -> int:
    _cover_entries(lib, args)
    quotes = lib.quotes_by_speaker(args.speaker)
    if not quotes:
        candidates = lib.match_speakers(args.speaker)
        if len(candidates) > 1:  # "Marsh": which one?
            names = "; ".join(c.name for c in candidates[:10])
            error(f"{args.speaker}: {len(candidates)} speakers fit that name: {names} "
                  "(give more of the name)")
        else:
            error(f"{args.speaker}: no quotes from a speaker of that name in the store")
        if args.json:
            emit_json([])
        return EXIT_BAD_INPUT
    if args.json:
        emit_json([q.to_dict() for q in quotes])
        return 0
    for q in quotes:
        when = f"{q.published[:10]} · " if q.published else ""
        print(f"{when}{safe(q.article_title)}")
        print(f"  “{safe(q.text)}” — {safe(q.speaker)}  [{q.quote_id}]")
    return 0


def run_bookmark_add(lib: Library, args: argparse.Namespace) -> int:
    inputs, made = PerInput(), []
    for _, mark in inputs.each(args.quote_ids, lambda q: lib.add_bookmark(q, note=args.note)):
        made.append(mark)
        if not args.json:
            print(f"bookmarked {mark.quote_id}: “{safe(mark.text)[:70]}”")
    if args.json:
        emit_json([b.to_dict() for b in made])
    return inputs.status


def run_bookmark_remove(lib: Library, args: argparse.Namespace) -> int:
    inputs, removed = PerInput(), []
    for quote_id, found in inputs.each(args.quote_ids, lib.remove_bookmark):
        if found:
            removed.append(quote_id.strip())
            if not args.json:
                print(f"removed {safe(quote_id.strip())}")
        else:
            inputs.fail(f"{quote_id}: no such bookmark")
    if args.json:
        emit_json(removed)
    return inputs.status


def run_bookmark_list(lib: Library, args: argparse.Namespace) -> int:
    marks = lib.bookmarks()
    if args.json:
        emit_json([b.to_dict() for b in marks])
        return 0
    for b in marks:
        role = f", {safe(b.role)}" if b.role else ""
        print(f"{b.quote_id}  “{safe(b.text)}” — {safe(b.speaker)}{role}")
        print(f"    {safe(b.article_title)}" + (f" · {b.published[:10]}" if b.published else ""))
        if b.note:
            print(f"    note: {safe(b.note)}")
    if not marks:
        print("no bookmarks yet", file=sys.stderr)
    return 0


def run_bookmark_export(lib: Library, args: argparse.Namespace) -> int:
    fmt = "json" if args.json else args.format
    if args.output:
        path = lib.export_bookmarks_to(args.output, fmt)
        count = len(lib.bookmarks())
        if args.json:
            emit_json({"path": str(path), "bookmarks": count})
        else:
            print(f"wrote {count} bookmarks to {safe(str(path))}")
        return 0
    text = lib.export_bookmarks(fmt)
    sys.stdout.write("\n".join(clean_text(line) for line in text.split("\n")))
    return 0
