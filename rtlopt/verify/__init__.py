"""Formal equivalence checking of two RTL designs (``rtlopt verify``).

Public API (other parts of rtlopt code against exactly this)::

    from rtlopt.verify import check_equivalence, VerifyOptions, VerifyResult, Verdict
    res = check_equivalence(gold_ref, gate_ref, VerifyOptions(timeout_s=30))
    res.verdict            # Verdict.EQUIVALENT / NOT_EQUIVALENT / UNKNOWN
    res.counterexample     # None or an object with .format()

Only a completed proof gives EQUIVALENT; a bounded check without an induction proof is UNKNOWN.
See :mod:`rtlopt.verify._prepare` (miter, start states, don't-cares) and :mod:`rtlopt.verify._smt`
(BMC, k-induction, invariant strengthening) for the method.
"""

from rtlopt.verify._check import check_equivalence, interface_diffs
from rtlopt.verify._types import Counterexample, Verdict, VerifyOptions, VerifyResult

__all__ = ["Counterexample", "Verdict", "VerifyOptions", "VerifyResult", "check_equivalence", "interface_diffs"]
