"""The knowledge cache: validated knowledge kept in a fast binary form, keyed by what it was built from.

Reading and validating the pattern files or building the gazetteer's index takes seconds, in every process
(each CLI run, each test session, each Dask worker). A loader validates once, then keeps what it built
in the cache folder under a key that digests every input's bytes (data files, the code that builds from
them, package versions), so an edited file or a new package version builds anew; the next process reads
the pickle (~0.1-0.3 s) instead. Like spaCy's and pip's caches, it lives in the user's cache folder:
``$BRINKWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/brinkwatch``, else ``~/.cache/brinkwatch``;
``BRINKWATCH_CACHE_DIR=off`` turns it off. A missing, torn or unreadable file is simply rebuilt, and a
read-only folder is no reason to fail. Nothing here is global state: a path is computed per call.

This module imports no other brinkwatch module, so every knowledge module may use it.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: the same result as ``yaml.safe_load``, ~8x faster (the
# pure-Python one took ~0.1 s of every start-up on the gazetteer, cue and boilerplate files)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FORMAT = "1"
STALE_DAYS = 30  # a file of the same kind untouched this long was built from data no longer in use


def safe_load_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, with the C parser when there is one (raises ``yaml.YAMLError`` the same)."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def cache_dir() -> Path | None:
    root = os.environ.get("BRINKWATCH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "brinkwatch")
    return None if root == "off" else Path(root)


def cache_file(kind: str, inputs: Iterable[Path | str | bytes]) -> Path | None:
    """Where ``kind`` built from ``inputs`` is kept: files count by name and bytes, strings and bytes as
    they are (settings, package versions). None when the cache is off or an input file cannot be read
    (the loader then reports it)."""
    root = cache_dir()
    if root is None:
        return None
    digest = hashlib.sha256(f"{kind}|{FORMAT}|{sys.version_info[:2]}".encode())
    try:
        for item in inputs:
            if isinstance(item, Path):
                digest.update(item.name.encode("utf-8") + b"\x00" + item.read_bytes())
            else:
                digest.update(item if isinstance(item, bytes) else item.encode("utf-8"))
            digest.update(b"\x00\x01")
    except OSError:
        return None
    return root / f"{kind}-{digest.hexdigest()[:20]}.pickle"


def code_of(module_file: str, *names: str) -> list[Path]:
    """The source files of a loader (``__file__`` and siblings): a change to the code builds anew."""
    here = Path(module_file)
    return [here, *(here.with_name(name) for name in names)]


def read(path: Path | None) -> Any | None:
    """What ``write`` kept at ``path``, or None."""
    if path is None:
        return None
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes ~100,000 containers and none is garbage: collecting halves the speed
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own file in the user's cache folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # missing, torn or written by other code: rebuilt
    finally:
        if collecting:
            gc.enable()


def write(path: Path | None, value: Any) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees no file or the whole file
    except OSError:
        return
    _prune(path)


def _prune(path: Path) -> None:
    """Remove files of the same kind built from old data (each edit of a data file makes a new key)."""
    kind = path.name.rsplit("-", 1)[0]
    horizon = time.time() - STALE_DAYS * 86400
    for old in path.parent.glob(f"{kind}-*.pickle"):
        try:
            if old != path and old.stat().st_mtime < horizon:
                old.unlink()
        except OSError:
            pass
