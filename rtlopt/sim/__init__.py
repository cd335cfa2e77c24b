"""Differential simulation of an original design and a candidate under cocotb.

>>> from rtlopt.design import open_design
>>> from rtlopt.sim import SimOptions, simulate_diff
>>> res = simulate_diff(open_design("gold.v"), open_design("gate.v"), SimOptions(cycles=2000))  # doctest: +SKIP
>>> res.evidence  # doctest: +SKIP
'simulated, 2000 cycles, no mismatch'

Simulation is evidence, not a proof; results say so.
"""

from rtlopt.sim._diff import Mismatch, SimOptions, SimResult, simulate_diff

__all__ = ["Mismatch", "SimOptions", "SimResult", "simulate_diff"]
