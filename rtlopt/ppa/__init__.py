"""PPA measurement: Yosys synthesis to a liberty's cells, OpenSTA timing and power.

Public API::

    from rtlopt.ppa import measure, PpaReport, Metric
    report = measure(design, liberty=None, clock_period_ns=None, timeout=300.0)

See :func:`measure` for the flow and its assumptions and :class:`PpaReport` for the metrics.
"""

from rtlopt.ppa._measure import DEFAULT_ACTIVITY, DEFAULT_CLOCK_PERIOD_NS, measure
from rtlopt.ppa._report import GOALS, Metric, PpaReport
from rtlopt.ppa.liberty import Liberty, resolve_liberty

__all__ = ["DEFAULT_ACTIVITY", "DEFAULT_CLOCK_PERIOD_NS", "GOALS", "Liberty", "Metric", "PpaReport", "measure",
           "resolve_liberty"]
