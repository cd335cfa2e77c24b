"""One class per external tool. This package is the only part of rtlopt that starts processes."""

from rtlopt.tools.base import RunResult, Tool, parse_version
from rtlopt.tools.cocotb_runner import CocotbRunner
from rtlopt.tools.graphviz import Graphviz
from rtlopt.tools.sim import Icarus, OpenSTA, Verilator
from rtlopt.tools.yosys import Abc, Yosys

ALL_TOOLS = (Yosys, Abc, OpenSTA, Icarus, Verilator, CocotbRunner, Graphviz)

__all__ = ["ALL_TOOLS", "Abc", "CocotbRunner", "Graphviz", "Icarus", "OpenSTA", "RunResult", "Tool", "Verilator", "Yosys", "parse_version"]
