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
