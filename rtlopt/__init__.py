"""rtlopt: neuro-symbolic optimizer for Verilog/SystemVerilog RTL.

Rewrites are proven equivalent (Yosys + z3) and measured (Yosys synthesis, OpenSTA) before a user
ever sees them.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
