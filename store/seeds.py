"""First run: load the sample articles and feeds shipped in the `seeds` package.

Runs once per store: a setting records it, so a user who deletes every article later does not
get the samples back. A seed that fails to load becomes a warning, never a failed start."""

from __future__ import annotations

from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from .errors import BylineError, StoreError

if TYPE_CHECKING:
    from .library import Library

ARTICLE_SUFFIXES = (".txt", ".html")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SEEDED = "seeded"


def load_seeds(lib: Library) -> int:
    """Load the seeds into an empty store that never had them; the number of articles added."""
    if lib.setting(SEEDED):
        return 0
    try:
        return _load(lib)
    except StoreError as exc:  # another byline is writing: try again on the next start
        if not lib.files.read_only:  # a read-only store is only read: no samples, no fuss
            lib.warnings.append(f"samples not loaded now: {exc}")
        return 0


def _load(lib: Library) -> int:
    if lib.index_docs():  # a store filled before seeding existed: leave it as it is
        lib.set_setting(SEEDED, True)
        return 0
    added = 0
    with lib.files.batch():
        for item in sorted(files("seeds").iterdir(), key=lambda t: t.name):
            name = item.name.lower()
            if not name.endswith(ARTICLE_SUFFIXES + FEED_SUFFIXES) or not item.is_file():
                continue
            with as_file(item) as path:
                try:
                    if name.endswith(FEED_SUFFIXES):
                        added += len(lib.add(str(path)))
                    else:
                        added += sum(ref.new for ref in lib.add(str(path)))
                except BylineError as exc:
                    lib.warnings.append(f"sample {item.name} not loaded: {exc}")
        lib.set_setting(SEEDED, True)
    lib.analyze_pending()  # a few sample entries: their speakers show from the first run
    return added
