"""On-disk cache of PPA measurements, keyed by content (not by path).

A measurement is a pure function of the design's texts, the top, the liberty (its sha256), the clock
period, the activity and rtlopt's own synthesis/STA scripts (the source of the modules that build
them). The key hashes exactly those, so the same module measured again — in another run, from a
temporary copy, after an unrelated edit elsewhere in the tree — is read back instead of re-synthesized.

Location: ``$RTLOPT_CACHE_DIR/ppa/<sha>.json``, else ``$XDG_CACHE_HOME/rtlopt/ppa``, else
``~/.cache/rtlopt/ppa``. ``RTLOPT_NO_CACHE=1`` turns it off. A file that cannot be read or written
is ignored (the cache is an optimization, never a source of errors).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from rtlopt.ppa._report import Metric, PpaReport

_CODE_HASH: str | None = None


def cache_dir() -> Path | None:
    if os.environ.get("RTLOPT_NO_CACHE", "").strip() not in ("", "0"):
        return None
    base = os.environ.get("RTLOPT_CACHE_DIR")
    if base:
        return Path(base) / "ppa"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "rtlopt" / "ppa"


def _code_hash() -> str:
    """Hash of the modules that write the Yosys/OpenSTA scripts and read their results."""
    global _CODE_HASH
    if _CODE_HASH is None:
        h = hashlib.sha256()
        here = Path(__file__).parent
        for name in ("_flow.py", "_sta.py", "_measure.py", "_report.py", "_permodule.py"):
            p = here / name
            if p.exists():
                h.update(p.read_bytes())
        canon = here.parent / "tools" / "_canon.py"  # the structural names the flow orders cells by
        if canon.exists():
            h.update(canon.read_bytes())
        _CODE_HASH = h.hexdigest()
    return _CODE_HASH


def key(texts: list[str], top: str, liberty_sha: str, **params: Any) -> str:
    """Content key: the texts in order, the top, the liberty hash, the parameters and the flow code."""
    from rtlopt.hdl.project import active

    h = hashlib.sha256()
    for t in texts:
        h.update(hashlib.sha256(t.encode("utf-8", "surrogateescape")).digest())
    proj = active()  # -G parameter overrides and -D defines change what the same texts synthesize to
    h.update(json.dumps({"top": top, "liberty": liberty_sha, "code": _code_hash(), **params,
                         "project": {"params": list(proj.params), "defines": list(proj.defines),
                                     "incdirs": [str(d) for d in proj.include_dirs]}},
                        sort_keys=True, default=str).encode())
    return h.hexdigest()


def _metric(d: dict) -> Metric:
    return Metric(d.get("value"), d.get("unit", ""), d.get("source", ""))


def report_from_dict(d: dict) -> PpaReport:
    m = d["metrics"]
    return PpaReport(
        area_um2=_metric(m["area"]), delay_ns=_metric(m["delay"]), power_mw=_metric(m["power"]),
        cells=_metric(m["cells"]), generic_cells=_metric(m["generic_cells"]),
        generic_wires=_metric(m["generic_wires"]),
        power_breakdown={k: _metric(v) for k, v in d.get("power_breakdown", {}).items()},
        critical_path=dict(d.get("critical_path", {})), cells_by_type=dict(d.get("cells_by_type", {})),
        provenance=dict(d.get("provenance", {})), warnings=list(d.get("warnings", [])),
        scripts=dict(d.get("scripts", {})), seconds=float(d.get("seconds", 0.0)))


def load(k: str) -> dict | None:
    d = cache_dir()
    if d is None:
        return None
    try:
        return json.loads((d / f"{k}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(k: str, data: dict) -> Path | None:
    d = cache_dir()
    if d is None:
        return None
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{k[:16]}.", suffix=".tmp", dir=d)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, default=str)
        os.replace(tmp, d / f"{k}.json")
        return d / f"{k}.json"
    except OSError:
        return None


def measure_cached(ref, *, liberty, clock_period_ns: float | None = None, timeout: float = 300.0,
                   texts: dict[Path, str] | None = None) -> PpaReport:
    """:func:`rtlopt.ppa.measure` through the content cache (``provenance["cache"]`` says hit or miss)."""
    from rtlopt.ppa._measure import measure

    body = [texts[p] if texts is not None and p in texts else Path(p).read_text(encoding="utf-8", errors="replace")
            for p in ref.files]
    k = key(body, ref.top, liberty.sha256 if hasattr(liberty, "sha256") else str(liberty),
            clock=clock_period_ns, kind="flat")
    hit = load(k)
    if hit is not None:
        try:
            rep = report_from_dict(hit)
            rep.provenance["cache"] = {"hit": True, "key": k}
            rep.provenance["files"] = [str(f) for f in ref.files]
            return rep
        except (KeyError, TypeError, ValueError):
            pass
    rep = measure(ref, liberty=liberty, clock_period_ns=clock_period_ns, timeout=timeout)
    path = store(k, rep.to_dict())
    rep.provenance["cache"] = {"hit": False, "key": k, "stored": str(path) if path else None}
    return rep


def _flat_key(ref, liberty, clock_period_ns, texts) -> str:
    body = [texts[p] if texts is not None and p in texts else Path(p).read_text(encoding="utf-8", errors="replace")
            for p in ref.files]
    return key(body, ref.top, liberty.sha256 if hasattr(liberty, "sha256") else str(liberty),
               clock=clock_period_ns, kind="flat")


#: Cache key suffix of full reports whose generic statistics are deferred (``finish_cached(generic=False)``).
PENDING_SUFFIX = "-generic-pending"


def cached_full(ref, *, liberty, clock_period_ns: float | None = None,
                texts: dict[Path, str] | None = None, suffix: str = "") -> PpaReport | None:
    """The full (flat) report of ``ref`` from the cache, or None (``suffix``: :data:`PENDING_SUFFIX`, a
    report whose generic statistics are deferred)."""
    k = _flat_key(ref, liberty, clock_period_ns, texts) + suffix
    hit = load(k)
    if hit is None:
        return None
    try:
        rep = report_from_dict(hit)
    except (KeyError, TypeError, ValueError):
        return None
    rep.provenance["cache"] = {"hit": True, "key": k}
    rep.provenance["files"] = [str(f) for f in ref.files]
    return rep


def cached_area(ref, *, liberty, clock_period_ns: float | None = None,
                texts: dict[Path, str] | None = None) -> float | None:
    """The mapped area of ``ref`` from the cache (a full report or an area-only record), or None."""
    full = cached_full(ref, liberty=liberty, clock_period_ns=clock_period_ns, texts=texts)
    if full is not None:
        return full.area_um2.value
    hit = load(_flat_key(ref, liberty, clock_period_ns, texts) + "-area")
    try:
        return float(hit["area_um2"]) if hit is not None else None
    except (KeyError, TypeError, ValueError):
        return None


def synthesize_cached(ref, *, liberty, clock_period_ns: float | None = None, timeout: float = 300.0,
                      texts: dict[Path, str] | None = None):
    """Stage 1 of the flow (:func:`rtlopt.ppa._measure.synthesize`); its area is remembered in the cache.

    The caller either finishes it (:func:`finish_cached`, the full report, stored) or closes it. The
    generic statistics of a multi-module design are left to the finish (an area-only result never
    needs them).
    """
    from rtlopt.ppa._measure import synthesize

    syn = synthesize(ref, liberty=liberty, clock_period_ns=clock_period_ns, timeout=timeout, generic=False)
    store(_flat_key(ref, liberty, clock_period_ns, texts) + "-area", {"area_um2": syn.area_um2, "cells": syn.cells})
    return syn


def finish_cached(syn, *, timeout: float = 300.0, texts: dict[Path, str] | None = None,
                  generic: bool = True) -> PpaReport:
    """Stage 2 (:func:`rtlopt.ppa._measure.finish`): the full report, stored in the cache like
    :func:`measure_cached`'s. ``generic=False``: deferred generic statistics stay deferred (see
    ``finish``); such a report is stored under a key of its own (:data:`PENDING_SUFFIX`), never as the
    complete report another command may read."""
    from rtlopt.ppa._measure import finish, generic_pending

    k = _flat_key(syn.ref, syn.lib, syn.clock_period_ns, texts)
    rep = finish(syn, timeout=timeout, generic=generic)
    if generic_pending(rep):
        k += PENDING_SUFFIX
    path = store(k, rep.to_dict())
    rep.provenance["cache"] = {"hit": False, "key": k, "stored": str(path) if path else None}
    return rep


def measure_staged(ref, *, liberty, clock_period_ns: float | None = None, timeout: float = 300.0,
                   texts: dict[Path, str] | None = None, area_below: float | None = None,
                   generic: bool = True) -> PpaReport:
    """The full report of ``ref`` (cached), except that with ``area_below`` a design whose mapped area
    is not below it gets an area-only report (``provenance["measured"] == "area only"``: the Yosys
    stage ran, OpenSTA did not). Area is exact either way: it comes from the Yosys stage alone.
    ``generic=False`` (with ``area_below``): the full report may leave the generic statistics of a
    multi-module design deferred (``rtlopt.ppa._measure.complete_generic`` adds them)."""
    deadline = time.monotonic() + timeout
    full = cached_full(ref, liberty=liberty, clock_period_ns=clock_period_ns, texts=texts)
    if full is None and not generic and area_below is not None:
        full = cached_full(ref, liberty=liberty, clock_period_ns=clock_period_ns, texts=texts, suffix=PENDING_SUFFIX)
    if full is not None:
        return full
    if area_below is None:
        return measure_cached(ref, liberty=liberty, clock_period_ns=clock_period_ns, timeout=timeout, texts=texts)
    area = cached_area(ref, liberty=liberty, clock_period_ns=clock_period_ns, texts=texts)
    if area is not None and not area < area_below:
        return area_only_report(area, ref)
    syn = synthesize_cached(ref, liberty=liberty, clock_period_ns=clock_period_ns, timeout=timeout, texts=texts)
    if not syn.area_um2 < area_below:
        rep = syn.area_report()
        syn.close()
        return rep
    return finish_cached(syn, timeout=max(1.0, deadline - time.monotonic()), texts=texts, generic=generic)


def area_only_report(area: float, ref) -> PpaReport:
    na = "not measured (area-only pre-filter: not smaller than the current design)"
    return PpaReport(area_um2=Metric(area, "um^2", "yosys stat -liberty (cached)"), delay_ns=Metric(None, "ns", na),
                     power_mw=Metric(None, "mW", na), cells=Metric(None, "cells", na),
                     generic_cells=Metric(None, "cells", na), generic_wires=Metric(None, "wires", na),
                     provenance={"top": ref.top, "measured": "area only", "cache": {"hit": True}})
