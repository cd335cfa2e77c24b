"""PPA measurement: Yosys synthesis to a liberty's cells, OpenSTA timing and power.

Public API::

    from rtlopt.ppa import measure, PpaReport, Metric
    report = measure(design, liberty=None, clock_period_ns=None, timeout=300.0)

See :func:`measure` for the flow and its assumptions and :class:`PpaReport` for the metrics.

What the numbers mean (all carried with unit and source in each :class:`Metric`):

* ``area_um2`` — ``stat -liberty`` area of the mapped, flattened netlist, tie cells included; checked
  against rtlopt's own sum of the liberty's cell areas (``provenance["area_check"]``).
* ``cells`` — liberty cells in that netlist. ``generic_cells``/``generic_wires`` — ``synth -top T``
  + ``stat`` (``$print``/``$check``/``$scopeinfo`` excluded), the counts RTL-Rewriter papers quote.
* ``delay_ns`` — OpenSTA, worst over all path groups of (arrival − launch edge) + (capture edge −
  required): clk→Q + logic + setup for register paths, input→output delay for combinational ones.
  All clocks get ``clock_period_ns`` (default 10 ns), I/O delays are 0 against the first clock, a
  design without clocks gets a virtual clock. None when the design has no timing path at all.
* ``power_mw`` — OpenSTA ``report_power`` (internal + switching + leakage, see ``power_breakdown``)
  with ``set_power_activity -global -activity 0.1 -duty 0.5``: each net toggles 0.1 times per clock
  period (OpenSTA 2019 has no SAIF/VCD reader), so dynamic power scales with 1/period.
* ``metric("balanced")`` — geometric mean of area, delay and power (see :meth:`PpaReport.metric`).
"""

from rtlopt.ppa._measure import DEFAULT_ACTIVITY, DEFAULT_CLOCK_PERIOD_NS, measure
from rtlopt.ppa._report import GOALS, Metric, PpaReport
from rtlopt.ppa.liberty import Liberty, resolve_liberty

__all__ = ["DEFAULT_ACTIVITY", "DEFAULT_CLOCK_PERIOD_NS", "GOALS", "Liberty", "Metric", "PpaReport", "measure",
           "resolve_liberty"]
