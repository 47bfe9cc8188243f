"""Byline's store: everything that touches disk or network (TinyDB files, loading sources,
fetching feeds), plus relatedness and bookmarks over what is stored.

This module is the store's face for the reader and the command line, beside `store.library`,
`store.records` and `store.errors`. Its names load on first use (PEP 562), so that importing
the store does not pull in the HTTP and XML stacks before they are needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .archive import analyse_many, check_out_folder, expand_inputs, write_partitions
    from .cluster import analyse_on_dask
    from .fetch import FetchLimits
    from .opml import export_opml, parse_opml
    from .pool import default_jobs
    from .refresh import load_feed, refresh_feeds
    from .related import RELATED_MIN_SCORE
    from .sources import Source, read_source

_FACE = {
    "analyse_many": "archive",
    "check_out_folder": "archive",
    "expand_inputs": "archive",
    "write_partitions": "archive",
    "analyse_on_dask": "cluster",
    "default_jobs": "pool",
    "FetchLimits": "fetch",
    "export_opml": "opml",
    "parse_opml": "opml",
    "load_feed": "refresh",
    "refresh_feeds": "refresh",
    "RELATED_MIN_SCORE": "related",
    "Source": "sources",
    "read_source": "sources",
}

__all__ = [
    "RELATED_MIN_SCORE", "FetchLimits", "Source", "analyse_many", "analyse_on_dask",
    "check_out_folder", "default_jobs", "expand_inputs", "export_opml", "load_feed", "parse_opml",
    "read_source", "refresh_feeds", "write_partitions",
]


def __getattr__(name: str) -> Any:
    module = _FACE.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
