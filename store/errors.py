"""Errors the store raises; each message is one line fit to show a user as is."""


class BylineError(Exception):
    """Base of every error meant for the user: str(error) is one clear line."""


class SourceError(BylineError):
    """An input (file, page, feed, URL) that cannot be read or is not usable."""


class FetchError(SourceError):
    """A network fetch that failed: timeout, HTTP error, oversize body, too many redirects."""


class StoreError(BylineError):
    """The store itself cannot be opened or written (locked, newer schema, corrupt)."""
