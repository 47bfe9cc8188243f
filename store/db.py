"""The storage engine: TinyDB files written atomically, shared safely between processes.

Every file is a TinyDB database whose storage (`AtomicJSONStorage`) keeps the parsed data in
memory, re-reads it only when another process replaced the file, and writes by temp file +
fsync + `os.replace` + directory fsync, so a crash leaves either the old or the new file.
Writers take one `filelock` per store (`StoreFiles.writing()`), held only while writing, so the
reader app and a `byline` command can share a store.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from .errors import StoreError

LOCK_WAIT_SECONDS = 5.0


def atomic_write(path: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Replace path with data so that a crash at any moment leaves the old or the new file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _is_tinydb_shape(data: Any) -> bool:
    """{table: {doc id: {field: ...}}}: anything else would crash TinyDB later."""
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values())


class AtomicJSONStorage(Storage):
    """TinyDB storage: in-memory copy, reloaded when the file changed, atomic writes.

    A file that is not valid JSON is moved aside to `NAME.corrupt-<timestamp>` and `warn` is
    called with a one-line message; the store then starts that file afresh.
    """

    def __init__(self, path: str | Path, warn: Callable[[str], None] | None = None,
                 defer: Callable[[], bool] | None = None,
                 on_flush: Callable[[], None] | None = None) -> None:
        self.path = Path(path)
        self._on_flush = on_flush or (lambda: None)
        self._warn = warn or (lambda message: None)
        self._defer = defer or (lambda: False)  # True inside StoreFiles.batch()
        self._data: dict[str, Any] | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._loaded = False
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._loaded and (self.dirty or _stamp(self.path) == self._stamp):
            return self._data
        self._load()
        return self._data

    def _load(self) -> None:
        stamp = _stamp(self.path)
        data: dict[str, Any] | None = None
        if stamp is not None:
            try:
                raw = self.path.read_bytes()
            except OSError as exc:
                raise StoreError(f"cannot read {self.path}: {exc.strerror or exc}") from None
            try:
                data = json.loads(raw)  # an empty file is a truncated one: damaged too
                if not _is_tinydb_shape(data):
                    raise ValueError("not TinyDB tables")
            except (ValueError, UnicodeDecodeError, RecursionError):
                data = None
                self._move_aside()
                stamp = None
        self._data, self._stamp, self._loaded = data, stamp, True

    def _move_aside(self) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            raise StoreError(f"{self.path} is damaged and cannot be moved aside: "
                             f"{exc.strerror or exc}") from None
        self._warn(f"{self.path.name} was damaged (not a valid store file); moved aside to "
                   f"{aside.name} and started afresh")

    def write(self, data: dict[str, Any]) -> None:
        self._data, self._loaded = data, True
        if self._defer():
            self.dirty = True
            return
        self.flush()

    def flush(self, sync_dir: bool = True) -> None:
        if self._data is None:
            return
        payload = json.dumps(self._data, ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, payload.encode("utf-8"), sync_dir=sync_dir)
        except OSError as exc:
            raise StoreError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        self._on_flush()
        self._stamp = _stamp(self.path)
        self.dirty = False

    def forget(self) -> None:
        self._data, self._stamp, self._loaded, self.dirty = None, None, False, False

    def close(self) -> None:
        pass


class KeyedTable(Table):
    """A TinyDB table whose documents are keyed by our own string ids (article id, URL...)."""

    document_id_class = str

    def put(self, doc_id: str, doc: dict[str, Any]) -> None:
        """Insert or replace one document by id: one write (TinyDB's upsert may write twice)."""
        self.put_many({doc_id: doc})

    def put_many(self, docs: dict[str, dict[str, Any]]) -> None:
        """Insert or replace many documents by id in one table update (one write)."""
        if docs:
            self._update_table(lambda table: table.update(docs))


class KeyedDB(TinyDB):
    table_class = KeyedTable


def keyed(doc_id: str, fields: dict[str, Any]) -> Document:
    return Document(fields, doc_id=doc_id)


class StoreFiles:
    """The TinyDB files of one store folder, opened on demand, plus the writers' lock."""

    def __init__(self, home: Path, warn: Callable[[str], None]) -> None:
        self.home = home
        self._warn = warn
        self._dbs: dict[str, KeyedDB] = {}
        self._lock = FileLock(str(home / ".lock"), timeout=LOCK_WAIT_SECONDS,
                              thread_local=False)
        self._thread_lock = threading.RLock()
        self._open_lock = threading.Lock()
        self._depth = 0
        self._wrote = False
        self._generation_file = home / ".generation"
        self._generation = self._read_generation()
        self._pid_file = home / ".lock.pid"
        self._batch_depth = 0

    def db(self, name: str) -> KeyedDB:
        """The TinyDB file `name` (a path relative to home, e.g. "index.json")."""
        found = self._dbs.get(name)
        if found is None:
            with self._open_lock:  # reader threads and a writer may ask at once
                found = self._dbs.get(name)
                if found is None:
                    found = KeyedDB(self.home / name, storage=AtomicJSONStorage,
                                    warn=self._warn, defer=lambda: self._batch_depth > 0,
                                    on_flush=self._note_write)
                    self._dbs[name] = found
        return found

    def table(self, name: str, table: str = "_default") -> KeyedTable:
        return self.db(name).table(table)  # type: ignore[return-value]

    def raw(self, name: str, table: str) -> dict[str, dict[str, Any]]:
        """The table's documents by id, as stored: a read-only view, never to be mutated."""
        data = self.db(name).storage.read() or {}  # type: ignore[attr-defined]
        return data.get(table, {})

    def stamp(self, name: str) -> tuple[int, int, int] | None:
        """Identity of the file's current contents (changes whenever it is rewritten)."""
        self.db(name).storage.read()
        return self.db(name).storage._stamp  # type: ignore[attr-defined]

    def size(self, name: str) -> int:
        try:
            return (self.home / name).stat().st_size
        except OSError:
            return 0

    def exists(self, name: str) -> bool:
        return (self.home / name).exists()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store's writer lock (re-entrant); a clear StoreError when another holds it.

        On first entry, if another process wrote since we last did (the generation file
        changed), every cached file is dropped and re-read on demand: the file stamps alone can
        miss a rewrite when an inode number is reused within the clock's granularity."""
        with self._thread_lock:
            first = self._depth == 0
            if first:
                try:
                    self._lock.acquire()
                except Timeout:  # an OSError too: catch it first
                    raise StoreError(f"store is in use by another byline ({self._holder()}); "
                                     "try again when it has finished") from None
                except OSError as exc:
                    raise StoreError(f"cannot lock the store in {self.home}: "
                                     f"{exc.strerror or exc}") from None
            self._depth += 1
            try:
                if first:
                    self._wrote = False
                    self._sync_generation()
                    with contextlib.suppress(OSError):
                        self._pid_file.write_text(str(os.getpid()))
                yield
            finally:
                self._depth -= 1
                if first:
                    if self._wrote:
                        self._bump_generation()
                    self._lock.release()

    def _note_write(self) -> None:
        self._wrote = True

    def _read_generation(self) -> str:
        try:
            return self._generation_file.read_text()
        except OSError:
            return ""

    def _sync_generation(self) -> None:
        current = self._read_generation()
        if current != self._generation:
            for db in list(self._dbs.values()):
                db.storage.forget()  # type: ignore[attr-defined]
            self._generation = current

    def _bump_generation(self) -> None:
        token = f"{os.getpid()}-{time.time_ns()}"
        with contextlib.suppress(OSError):
            self._generation_file.write_text(token)
            self._generation = token

    def sweep_temp_files(self) -> None:
        """Remove temp files a killed writer left behind (only when no one is writing)."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return
        try:
            for folder in (self.home, *(self.home / sub for sub in
                                        ("bodies", "chunks", "analyses", "quotes"))):
                for leftover in folder.glob(".*.tmp") if folder.is_dir() else []:
                    with contextlib.suppress(OSError):
                        leftover.unlink()
        finally:
            self._lock.release()

    def _holder(self) -> str:
        try:
            return f"pid {int(self._pid_file.read_text().strip())}"
        except (OSError, ValueError):
            return "pid unknown"

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Under the lock: writes to any file wait, then each changed file is written once.

        Files in subfolders (shards) are written first and the top-level files (the index)
        last, so the index never names an article whose body is not on disk yet.
        """
        with self.writing():
            self._batch_depth += 1
            try:
                yield
            except BaseException:
                if self._batch_depth == 1:
                    self._discard_dirty()
                raise
            finally:
                self._batch_depth -= 1
            if self._batch_depth == 0:
                try:
                    self._flush_dirty()
                except BaseException:
                    self._discard_dirty()
                    raise

    def _discard_dirty(self) -> None:
        """A batch that failed half-way: forget its unwritten changes, re-read from disk."""
        for db in list(self._dbs.values()):
            storage = db.storage
            if storage.dirty:  # type: ignore[attr-defined]
                storage.forget()  # type: ignore[attr-defined]
                db.clear_cache()

    def _flush_dirty(self) -> None:
        dirty = sorted((name, db.storage) for name, db in list(self._dbs.items())
                       if db.storage.dirty)  # type: ignore[attr-defined]
        shards = [(n, s) for n, s in dirty if "/" in n]
        for _name, storage in shards:
            storage.flush(sync_dir=False)
        for folder in sorted({storage.path.parent for _name, storage in shards}):
            fsync_dir(folder)
        for name, storage in dirty:
            if "/" not in name:
                storage.flush()

    def release(self, names: Iterable[str]) -> None:
        """Drop the in-memory copies of these files (re-read on next use), so bulk work over
        many shards holds a few at a time; a file with unwritten changes is kept."""
        for name in names:
            db = self._dbs.get(name)
            if db is not None and not db.storage.dirty:  # type: ignore[attr-defined]
                db.storage.forget()  # type: ignore[attr-defined]
                db.clear_cache()

    def close(self) -> None:
        for db in list(self._dbs.values()):
            db.close()
        self._dbs.clear()
