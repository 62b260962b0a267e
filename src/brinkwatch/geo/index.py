"""The gazetteer's place index: one row per place in columns, and a name -> rows map.

About 200,000 places under 600,000 names: stored as plain columns (lists of strings, ``array`` of
numbers) and the names as one sorted blob (``KeyTable``) rather than one object per place or a dict,
because a process loads it from the on-disk cache at start and unpickling a few columns takes a fraction of
the time that 800,000 small objects, or a dict of 540,000 names, do.
Rows are turned into ``PlaceCandidate`` records only when a name is looked up.
"""

from __future__ import annotations

import gc
import hashlib
import math
import os
import pickle
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

INDEX_FORMAT = "3"  # bump when the stored layout changes: older cache files are then ignored


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One gazetteer entry a name may refer to."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None = None  # the name of the province/region it lies in, when known
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # landmark, airport, base, city, admin2, admin1, country
    population: int = 0
    gazetteer_id: str = ""
    source: str = "city"  # curated, country, region, airport, city
    primary: bool = True  # matched on the entry's main name rather than an alternate name
    row: int = -1  # the entry's row in the index
    region: int = -1  # row of the province/district it lies in (-1: not known)
    radius_km: float = 0.0  # for provinces and districts: how far from the centre their places lie


@dataclass
class RowBuilder:
    """Accumulates rows and their names while the sources are read."""

    names: list[str] = field(default_factory=list)
    countries: list[str | None] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    lat: array = field(default_factory=lambda: array("d"))
    lon: array = field(default_factory=lambda: array("d"))
    precision: list[str] = field(default_factory=list)
    population: array = field(default_factory=lambda: array("q"))
    gazetteer_id: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    region: array = field(default_factory=lambda: array("i"))
    radius: array = field(default_factory=lambda: array("d"))
    keys: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, country: str | None, lat: float | None, lon: float | None, precision: str,
            gazetteer_id: str, source: str, population: int = 0, admin1: str | None = None,
            region: int = -1, radius_km: float = 0.0) -> int:
        row = len(self.names)
        self.names.append(name)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.lat.append(math.nan if lat is None else float(lat))
        self.lon.append(math.nan if lon is None else float(lon))
        self.precision.append(precision)
        self.population.append(int(population or 0))
        self.gazetteer_id.append(gazetteer_id)
        self.source.append(source)
        self.region.append(region)
        self.radius.append(radius_km)
        return row

    def name(self, row: int, keys: Iterable[str], primary: bool = True) -> None:
        """Index a row under normalised names (each once per row)."""
        posting = row * 2 + (0 if primary else 1)
        for key in keys:
            if not key:
                continue
            rows = self.keys.setdefault(key, [])
            if posting not in rows and (posting ^ 1) not in rows:
                rows.append(posting)

    def freeze(self) -> PlaceIndex:
        order = sorted(self.keys, key=_utf8)  # a name's slot is its place in this order (``KeyTable``)
        starts, postings = array("i"), array("i")
        for key in order:
            starts.append(len(postings))
            postings.extend(self.keys[key])
        starts.append(len(postings))
        return PlaceIndex(
            columns=(self.names, self.countries, self.admin1, self.lat, self.lon, self.precision,
                     self.population, self.gazetteer_id, self.source, self.region, self.radius),
            keys=KeyTable(order), starts=starts, postings=postings)


def _utf8(key: str) -> bytes:
    return key.encode("utf-8", "surrogatepass")  # UTF-8 bytes sort as the code points do


class KeyTable:
    """Name -> slot for ~540,000 names, without a dict: the names in sorted order as one UTF-8 blob and an
    array of where each ends; a name's slot is its position, found by binary search (~20 comparisons, a few
    microseconds; a document looks up a few dozen names). A dict of them took ~0.3 s to read back from the
    cache, in every process; this reads in milliseconds."""

    __slots__ = ("_blob", "_ends")

    def __init__(self, ordered: Sequence[str]) -> None:
        encoded = [_utf8(key) for key in ordered]
        if any(a >= b for a, b in zip(encoded, encoded[1:], strict=False)):
            raise ValueError("KeyTable needs distinct names in UTF-8 order")
        self._blob = b"".join(encoded)
        self._ends = array("q")
        end = 0
        for key in encoded:
            end += len(key)
            self._ends.append(end)

    def __len__(self) -> int:
        return len(self._ends)

    def __getstate__(self) -> tuple[bytes, array]:
        return self._blob, self._ends

    def __setstate__(self, state: tuple[bytes, array]) -> None:
        self._blob, self._ends = state

    def _key(self, slot: int) -> bytes:
        return self._blob[self._ends[slot - 1] if slot else 0:self._ends[slot]]

    def get(self, key: str, default: int | None = None) -> int | None:
        wanted = _utf8(key)
        lo, hi = 0, len(self._ends)
        while lo < hi:
            mid = (lo + hi) // 2
            found = self._key(mid)
            if found < wanted:
                lo = mid + 1
            elif found > wanted:
                hi = mid
            else:
                return mid
        return default

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def items(self) -> Iterable[tuple[str, int]]:
        for slot in range(len(self._ends)):
            yield self._key(slot).decode("utf-8", "surrogatepass"), slot


@dataclass
class PlaceIndex:
    """The frozen index: columns, name -> slot, and each slot's postings (row * 2 + alternate flag)."""

    columns: tuple
    keys: KeyTable
    starts: array
    postings: array

    def __len__(self) -> int:
        return len(self.columns[0])

    def candidate(self, row: int, primary: bool = True) -> PlaceCandidate:
        names, countries, admin1, lat, lon, precision, population, ids, source, region, radius = self.columns
        la, lo = lat[row], lon[row]
        return PlaceCandidate(
            name=names[row], country=countries[row], admin1=admin1[row], lat=None if la != la else la,
            lon=None if lo != lo else lo, precision=precision[row], population=population[row],
            gazetteer_id=ids[row], source=source[row], primary=primary, row=row, region=region[row],
            radius_km=radius[row])

    def rows_for(self, key: str) -> list[tuple[int, bool]]:
        slot = self.keys.get(key)
        if slot is None:
            return []
        return [(p >> 1, not p & 1) for p in self.postings[self.starts[slot]:self.starts[slot + 1]]]

    def lookup(self, key: str) -> list[PlaceCandidate]:
        return [self.candidate(row, primary) for row, primary in self.rows_for(key)]


def cache_path(parts: Sequence[str], packages: Sequence[str]) -> Path | None:
    """Where a built index is kept between processes: building it from the data packages takes tens of
    seconds, loading it well under one. The key covers every input (data files, population floor, package
    versions, index layout), so a change of any builds a new index. ``BRINKWATCH_CACHE_DIR=off`` disables it."""
    root = os.environ.get("BRINKWATCH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "brinkwatch")
    if root == "off":
        return None
    from importlib.metadata import PackageNotFoundError, version

    key_parts = [INDEX_FORMAT, *parts]
    for package in packages:
        try:
            key_parts.append(version(package))
        except PackageNotFoundError:
            key_parts.append("-")
    key = hashlib.sha256("\x00".join(key_parts).encode("utf-8")).hexdigest()[:20]
    return Path(root) / f"gazetteer-{key}.pickle"


def read_cache(path: Path) -> PlaceIndex | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling builds hundreds of thousands of strings: no need to trace them meanwhile
    try:
        index = pickle.loads(data)  # noqa: S301 - our own cache file, written below
    except (pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    return index if isinstance(index, PlaceIndex) else None


def write_cache(path: Path, index: PlaceIndex) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        pass  # a read-only home is no reason to fail: the index is simply rebuilt next time


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


__all__ = ["PlaceCandidate", "PlaceIndex", "RowBuilder", "cache_path", "km", "read_cache", "write_cache"]
