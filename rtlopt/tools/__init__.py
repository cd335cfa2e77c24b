"""One class per external tool. This package is the only part of rtlopt that starts processes.

The names below are imported on first use (PEP 562): every Yosys run is a child process
``python -m rtlopt.tools._pyosys_main``, which imports this package first; loading all tool classes
there (subprocess, ctypes, importlib.metadata for cocotb, xml) cost each child about 0.1 s of CPU
before Yosys started, a third of a small synthesis, some forty times per optimize run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {"RunResult": "base", "Tool": "base", "parse_version": "base", "CocotbRunner": "cocotb_runner",
          "Graphviz": "graphviz", "Icarus": "sim", "OpenSTA": "sim", "Verilator": "sim", "Abc": "yosys",
          "Yosys": "yosys"}

if TYPE_CHECKING:  # for type checkers and IDEs: the same names, eagerly
    from rtlopt.tools.base import RunResult, Tool, parse_version
    from rtlopt.tools.cocotb_runner import CocotbRunner
    from rtlopt.tools.graphviz import Graphviz
    from rtlopt.tools.sim import Icarus, OpenSTA, Verilator
    from rtlopt.tools.yosys import Abc, Yosys

    ALL_TOOLS: tuple


def __getattr__(name: str) -> Any:
    if name == "ALL_TOOLS":
        value: Any = tuple(__getattr__(n) for n in ("Yosys", "Abc", "OpenSTA", "Icarus", "Verilator",
                                                     "CocotbRunner", "Graphviz"))
    elif name in _WHERE:
        value = getattr(importlib.import_module(f"rtlopt.tools.{_WHERE[name]}"), name)
    else:
        raise AttributeError(f"module 'rtlopt.tools' has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = ["ALL_TOOLS", "Abc", "CocotbRunner", "Graphviz", "Icarus", "OpenSTA", "RunResult", "Tool", "Verilator", "Yosys", "parse_version"]
