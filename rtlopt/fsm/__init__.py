"""Symbolic FSM analysis: extraction, minimization, re-encoding and regeneration (``rtlopt fsm``).

Public API::

    from rtlopt.fsm import extract, minimize, minimized_fsm, regenerate, candidates
    ex = extract(design)                 # Extraction(fsms, rejections, notes)
    m = minimize(ex.fsms[0])             # Minimization(blocks, method, optimal, ...)
    cands = candidates(design, goal="area")   # list[rtlopt.engine.Candidate], not yet verified

KISS2 exchange: :mod:`rtlopt.fsm.kiss2` (``read``/``write``); diagrams: :mod:`rtlopt.fsm.dot`.
"""

from __future__ import annotations

from rtlopt.fsm._candidates import candidates, plan
from rtlopt.fsm.encode import ENCODINGS, Regenerated, encode, regenerate
from rtlopt.fsm.extract import Extraction, Rejection, extract
from rtlopt.fsm.minimize import Minimization, closed_cover, minimize, minimized_fsm, partition_refine
from rtlopt.fsm.model import Fsm, SourceInfo, Table, Transition

__all__ = [
    "ENCODINGS", "Extraction", "Fsm", "Minimization", "Regenerated", "Rejection", "SourceInfo", "Table",
    "Transition", "candidates", "closed_cover", "encode", "extract", "minimize", "minimized_fsm",
    "partition_refine", "plan", "regenerate",
]
