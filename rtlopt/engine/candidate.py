"""A candidate rewrite: the whole new text of one source file, and how it was made."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """One proposed version of a design file.

    Attributes:
        text: the full new file text (untouched regions byte-identical to the input).
        source: which generator made it: "template", "fsm" or "llm".
        rules: names of the rules (``rules/*.yaml``) applied, in order.
        description: one line a person can read ("const_mult_to_shift_add at line 12").
        hints: generator-specific data the verifier may use (e.g. {"state_map": {...}} from the FSM engine).
    """

    text: str
    source: str
    rules: tuple[str, ...] = ()
    description: str = ""
    hints: dict = field(default_factory=dict, compare=False)


def one_file_candidates(texts: dict, got, rule: str, label: str | None, hint: str | None) -> list[Candidate]:
    """Template candidates from ``(new texts, description)`` pairs that change exactly one file.

    ``texts`` are the current texts by path; the description reads ``"<label>: <desc>"`` (``desc``
    alone without a label) and the hints carry the file and ``{hint: desc}`` when a hint key is given
    (the semantic generators' common wrapper).
    """
    out = []
    for new, desc in got:
        changed = [p for p in new if new[p] != texts[p]]
        if len(changed) != 1:
            continue
        hints = {"file": str(changed[0])}
        if hint:
            hints[hint] = desc
        out.append(Candidate(new[changed[0]], "template", (rule,), f"{label}: {desc}" if label else desc,
                             hints))
    return out


def per_file_rewrites(texts: dict, rewrites) -> list[tuple[dict, str]]:
    """``(new texts, description)`` for each ``(new text, description)`` that ``rewrites(text, path)``
    gives on one file of ``texts`` (the other files unchanged)."""
    out = []
    for p, t in texts.items():
        for new, desc in rewrites(t, str(p)):
            out.append(({**texts, p: new}, desc))
    return out


def sequential_candidates(state, candidates_for, rule: str, label: str | None = None, hint: str | None = None,
                          cap_s: float | None = 20.0) -> list[Candidate]:
    """:func:`one_file_candidates` of a register analysis ``candidates_for(texts, top[, timeout_s=...])``
    (``[(new texts, description)]``), run only on designs with clocked logic; the analysis gets what is
    left of the search state's deadline (at least 2 s, at most ``cap_s``; ``None``: no time argument).
    An analysis failure means no candidates."""
    import re

    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in state.texts.values()):
        return []
    try:
        if cap_s is None:
            got = candidates_for(dict(state.texts), state.design.top)
        else:
            left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
            got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(cap_s, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, rule, label, hint)


def budgeted_candidates(state, rewrites, budget_s: float, rule: str, label: str, hint: str,
                        instance_params: bool = False, **kwargs) -> list[Candidate]:
    """:func:`one_file_candidates` of ``rewrites(texts, budget_s=..., **kwargs)`` (``[(path, new text,
    description)]``), given what is left of the search state's deadline (at least 2 s, at most
    ``budget_s``); an analysis failure means no candidates. ``instance_params``: also pass
    ``params=`` the top's elaborated parameter values (``semantic._inst_params``)."""
    if instance_params:
        from rtlopt.semantic import _inst_params
        try:
            kwargs["params"] = _inst_params(state.design) if getattr(state, "design", None) is not None else None
        except Exception:  # noqa: BLE001 - an analysis failure means no candidates
            return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = [({**state.texts, p: new}, desc)
               for p, new, desc in rewrites(state.texts, budget_s=max(2.0, min(budget_s, left)), **kwargs)]
    except Exception:  # noqa: BLE001 - an analysis failure means no candidates
        return []
    # the same rewrites inside the design's functions (each body viewed as a module, semantic.funcview)
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    if left > 2.0:
        from rtlopt.semantic.funcview import through_functions
        try:
            more = through_functions(state.texts, lambda texts, b: rewrites(texts, budget_s=b, **kwargs),
                                     min(budget_s, left))
        except Exception:  # noqa: BLE001 - an analysis failure means no further candidates
            more = []
        seen = {new[p] for new, _d in got for p in new}
        got += [({**state.texts, p: new}, desc) for p, new, desc in more if new not in seen]
    return one_file_candidates(state.texts, got, rule, label, hint)


def per_file_candidates(state, rewrites, rule: str, label: str, hint: str) -> list[Candidate]:
    """:func:`one_file_candidates` of ``rewrites(text, path)`` (``[(new text, description)]``) run on each
    file of the search state; a file whose analysis fails gives no candidates, the others still do."""
    got = []
    for path, text in state.texts.items():
        try:
            got += [({**state.texts, path: new}, desc) for new, desc in rewrites(text, str(path))]
        except Exception:  # noqa: BLE001 - an analysis failure means no candidates
            continue
        try:  # the same rewrites inside the file's functions (semantic.funcview)
            from rtlopt.semantic.funcview import through_functions_per_file
            seen = {new[path] for new, _d in got}
            got += [({**state.texts, path: new}, desc)
                    for new, desc in through_functions_per_file(text, str(path), rewrites) if new not in seen]
        except Exception:  # noqa: BLE001 - an analysis failure means no further candidates
            continue
    return one_file_candidates(state.texts, got, rule, label, hint)
