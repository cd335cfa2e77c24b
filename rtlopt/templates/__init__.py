"""Deterministic AST rewrite templates.

Each template is a class with ``id`` (equal to the rule name in ``rules/<category>/<id>.yaml``),
``rule``, ``description``, ``match(design) -> list[Match]`` and ``apply(text, match) -> list[Edit]``.
Rewrites are byte-span edits of the original text (see :mod:`rtlopt.hdl.edit`), so everything a
template does not touch survives unchanged. ``REGISTRY`` maps id → template instance;
:func:`candidates` turns every match of every template into re-parsed candidate texts.
"""

from __future__ import annotations

from rtlopt.templates._addsub import AddSubMerging
from rtlopt.templates._arith import (
    AdderChainToTree,
    CommonSubexpressionElimination,
    ConstMultToShiftAdd,
    MuxRedundantArms,
    OperatorSharingAcrossMux,
)
from rtlopt.templates._assoc import CommutativeReassociation
from rtlopt.templates._base import Match, Template
from rtlopt.templates._branchmux import BranchOperandMux
from rtlopt.templates._carryin import CarryInSelect
from rtlopt.templates._comparm import ComplementArmXor
from rtlopt.templates._exclchain import ExclusiveChainToParallel
from rtlopt.templates._expr import (
    BooleanSimplification,
    ComparisonSimplification,
    ConstantComparisonToBitmask,
    ConstantFolding,
    DoubleNegation,
    IdentityOperations,
    RedundantConcatenation,
)
from rtlopt.templates._factor import AlgebraicFactoring
from rtlopt.templates._guardarm import RedundantGuardedArm
from rtlopt.templates._impliedterm import ImpliedConditionTerm
from rtlopt.templates._inst import MuxInstanceMerge
from rtlopt.templates._membits import MemoryConstantBitsRemoval
from rtlopt.templates._memory import MemoryFolding
from rtlopt.templates._mulsign import MultiplierSignSharing
from rtlopt.templates._mulsplit import MultiplierDigitSplit
from rtlopt.templates._pairsel import ComplementarySelection
from rtlopt.templates._rangemask import AlignedRangeToEquality, ShiftRoundTripSticky
from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import Analysis, analyze
from rtlopt.templates._share import CaseItemMerge, ExclusiveInstanceSharing, ExclusiveOperatorSharing
from rtlopt.templates._shiftmux import ShiftedArmMerge
from rtlopt.templates._shiftpair import OppositeShiftPair
from rtlopt.templates._shiftround import ShiftRoundBit
from rtlopt.templates._stmt import (
    DeadCodeElimination,
    MuxChainToCase,
    PriorityToParallelCase,
    RedundantRegisterRemoval,
    RegisterRetiming,
    UnusedRegisterElimination,
)
from rtlopt.templates._structural import StructuralAdderToOperator
from rtlopt.templates._width import BitwidthReduction

_CLASSES: tuple[type[Template], ...] = (
    ConstantFolding,
    DeadCodeElimination,
    # before the local rewrites: a whole instance (or call) shared removes more than any of them, and
    # its candidates are measured before their many single-match ones (a SECDED generator pair: 200
    # XOR-pair CSE candidates ran the budget out before it was measured)
    ExclusiveInstanceSharing,
    CommonSubexpressionElimination,
    CommutativeReassociation,
    OperatorSharingAcrossMux,
    ConstMultToShiftAdd,
    MuxRedundantArms,
    PriorityToParallelCase,
    ExclusiveChainToParallel,
    BooleanSimplification,
    ComparisonSimplification,
    DoubleNegation,
    IdentityOperations,
    AdderChainToTree,
    MuxChainToCase,
    ConstantComparisonToBitmask,
    RedundantConcatenation,
    UnusedRegisterElimination,
    RedundantRegisterRemoval,
    RegisterRetiming,
    AlgebraicFactoring,
    MuxInstanceMerge,
    AddSubMerging,
    BitwidthReduction,
    MultiplierDigitSplit,
    StructuralAdderToOperator,
    RegisterWidthReduction,
    MemoryFolding,
    MemoryConstantBitsRemoval,
    CaseItemMerge,
    ExclusiveOperatorSharing,
    ShiftedArmMerge,
    OppositeShiftPair,
    ShiftRoundBit,
    CarryInSelect,
    MultiplierSignSharing,
    ShiftRoundTripSticky,
    AlignedRangeToEquality,
    ComplementarySelection,
    ComplementArmXor,
    BranchOperandMux,
    RedundantGuardedArm,
    ImpliedConditionTerm,
)

#: id → template instance, in a fixed order (determinism).
REGISTRY: dict[str, Template] = {cls.id: cls() for cls in _CLASSES}

__all__ = ["REGISTRY", "Analysis", "Match", "Template", "analyze", "rewrites"]


def rewrites(text: str, templates: dict[str, Template] | None = None,
             name: str = "design.v") -> list[tuple[Template, list[Match], str]]:
    """Every candidate rewrite of ``text``: per match, plus all matches of a template together.

    Returns ``(template, matches, new_text)`` for each distinct new text that re-parses and
    elaborates without new errors; deterministic order (registry order, then source order).
    """
    an = analyze(text, name)
    if an.syntax_errors:
        return []
    out = []
    seen = {text}
    for tmpl in (templates or REGISTRY).values():
        try:
            matches = tmpl.match(an)
        except Exception:  # noqa: BLE001 - a template bug must not take the optimizer down
            continue
        groups = [[m] for m in matches]
        if len(matches) > 1:
            groups.insert(0, list(matches))
        for group in groups:
            new = tmpl.rewrite(text, group)
            if new is None or new in seen:
                continue
            seen.add(new)
            out.append((tmpl, group, new))
    return out
