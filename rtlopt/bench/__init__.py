"""Batch runs of the optimizer over benchmarks (``rtlopt bench``).

Cases come from an RTL-Rewriter-Bench style ``manifest.json`` or a directory of designs
(:func:`load_cases`); :func:`run_cases` runs them in parallel child processes (or on Dask),
resumably; :func:`write_reports` writes JSON, CSV, Markdown and HTML.
"""

from rtlopt.bench._cases import BenchCase, BenchFile, load_cases
from rtlopt.bench._executor import run_cases, run_in_child
from rtlopt.bench._report import geomean, summarize, write_reports
from rtlopt.bench._run import BenchSettings, run_case

__all__ = ["BenchCase", "BenchFile", "BenchSettings", "geomean", "load_cases", "run_case", "run_cases",
           "run_in_child", "summarize", "write_reports"]
