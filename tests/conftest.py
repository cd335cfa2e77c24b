"""Shared fixtures: paths to the project's designs and the shared benchmark (when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESIGNS = ROOT / "designs"
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench" / "rtlrewriter"
SKY130 = SHARED / "lib" / "sky130hd_tt.lib.gz"


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
