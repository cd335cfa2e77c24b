"""Shared fixtures: paths to the project's designs and the shared benchmark (when present)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESIGNS = ROOT / "designs"
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench" / "rtlrewriter"
SKY130 = SHARED / "lib" / "sky130hd_tt.lib.gz"


def load_factor() -> float:
    """How much slower than an idle machine this one runs now: the 1-minute load average per core,
    from 1 (idle, CI's two workers on two cores) up to 8."""
    try:
        load = os.getloadavg()[0]
    except (OSError, AttributeError):
        return 1.0
    return min(8.0, max(1.0, load / (os.cpu_count() or 1)))


@pytest.fixture(autouse=True, scope="session")
def _proof_limits_follow_the_load():
    """A proof time limit written in a test (``VerifyOptions(timeout_s=...)`` constructed in a test
    module) is scaled by :func:`load_factor`: a test that expects EQUIVALENT or NOT EQUIVALENT must not
    turn UNKNOWN because other work shares the cores, and a test that expects UNKNOWN from a hard
    instance still gets it. Limits the product sets for itself (the search's proof slots inside its
    budget) are left alone."""
    from rtlopt.verify import _types

    orig = _types.VerifyOptions.__init__
    tests_dir = str(Path(__file__).resolve().parent)

    def init(self, *args, **kwargs):
        orig(self, *args, **kwargs)
        caller = sys._getframe(1).f_code.co_filename
        f = load_factor()
        if f > 1.0 and caller.startswith(tests_dir):
            object.__setattr__(self, "timeout_s", self.timeout_s * f)

    _types.VerifyOptions.__init__ = init
    yield
    _types.VerifyOptions.__init__ = orig


@pytest.fixture(autouse=True, scope="session")
def _check_run_without_a_total_limit():
    """``rtlopt check``'s whole-run limit (24 s by default, shared among a run's steps) makes what a
    check reports depend on the load; tests assert findings, so their check runs (in process and in
    child processes) have none unless a test sets one (tests/test_check_run_timeout.py). The per-file
    and per-matcher limits stay."""
    old = os.environ.get("RTLOPT_CHECK_TIMEOUT")
    os.environ.setdefault("RTLOPT_CHECK_TIMEOUT", "0")
    yield
    if old is None:
        os.environ.pop("RTLOPT_CHECK_TIMEOUT", None)


def pytest_collection_modifyitems(config, items):
    """Modules with a ``slow`` test run first, each module's tests kept together and in order.

    Under xdist (``-n auto --dist worksteal``) a worker cannot hand over the last tests of its queue,
    so a long test near the end of the collection runs alone while the other core idles. Run first,
    the long tests overlap with the rest; the run ends on short ones. Every worker sorts the same
    collection the same way (xdist requires identical collections)."""
    slow_modules = {it.module.__name__ for it in items
                    if it.get_closest_marker("slow") is not None and getattr(it, "module", None) is not None}
    if not slow_modules:
        return

    def later(it) -> bool:
        mod = getattr(it, "module", None)
        return mod is None or mod.__name__ not in slow_modules

    items.sort(key=later)  # stable: the collection order inside each group


@pytest.fixture
def designs() -> Path:
    return DESIGNS


@pytest.fixture
def bench_dir() -> Path:
    if not (BENCH / "manifest.json").exists():
        pytest.skip("../shared/bench/rtlrewriter not present")
    return BENCH


@pytest.fixture(autouse=True)
def _fresh_project():
    """Every test starts with no active project and no "last analysed file" (commands run through
    ``main()`` in-process set them for the rest of the process, as a CLI run would)."""
    from rtlopt.hdl import project
    from rtlopt.templates import _sem

    project.set_active(None)
    _sem._current.__dict__.pop("path", None)  # "the file this thread analysed last" (rewrites' language)
    copies = dict(project._copies)
    yield
    project.set_active(None)
    _sem._current.__dict__.pop("path", None)
    project._copies.clear()
    project._copies.update(copies)
