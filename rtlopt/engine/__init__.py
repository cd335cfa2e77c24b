"""Candidate search and selection (see :mod:`rtlopt.engine.candidate` and :mod:`rtlopt.engine.search`).

The names below are imported on first use (PEP 562): importing a light submodule such as
:mod:`rtlopt.engine.timelimit` (``rtlopt check``) does not import the whole search (1-2 s under load)."""

from __future__ import annotations

import importlib

_LAZY = {"Candidate": "rtlopt.engine.candidate", "OptimizeResult": "rtlopt.engine.search",
         "State": "rtlopt.engine.search", "optimize": "rtlopt.engine.search",
         "register_generator": "rtlopt.engine.search", "unregister_generator": "rtlopt.engine.search"}

__all__ = ["Candidate", "OptimizeResult", "State", "optimize", "register_generator", "unregister_generator"]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rtlopt.engine' has no attribute {name!r}")
