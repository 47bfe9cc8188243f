"""Where the store lives: --home, then $BYLINE_HOME, then the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path


def resolve_home(home: str | os.PathLike[str] | None = None) -> Path:
    """The store folder to use (created if missing)."""
    chosen = home or os.environ.get("BYLINE_HOME")
    if not chosen:
        from platformdirs import user_data_path

        chosen = user_data_path("byline", appauthor=False)
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
