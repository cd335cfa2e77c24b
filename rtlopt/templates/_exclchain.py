"""Priority chains over mutually exclusive conditions become parallel selections.

``if (c1) .. else if (c2) .. else if (c3) ..`` builds a priority mux: arm ``k`` is gated by "no earlier
condition". When the conditions can never hold together, the gating is dead logic and the chain is a
parallel selection (an AND-OR read mux): ``(* parallel_case *) case (1'b1) c1: ..; c2: ..; default: ..
endcase`` (Yosys builds a ``$pmux`` without the priority, exactly as for the synthesis directive). The
same holds for a ternary chain ``c1 ? v1 : c2 ? v2 : .. : 0``, which becomes
``({W{c1}} & v1) | ({W{c2}} & v2) | ..``.

Exclusivity is decided on the semantics, never on names: every pair of conditions is proven disjoint by
z3 over their bit-vector meaning, seen through single-driver decode wires (``wire sel_a = (addr >= 4)
&& (addr < 8)``), for every input value (combinational; exclusivity that needs reachable states is
:mod:`rtlopt.engine.onehot_chain`'s). Conditions that read a variable the block assigns are left alone.
The search measures and proves every candidate like any other rewrite.
"""

from __future__ import annotations

from itertools import combinations

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._guards import Z3Expr, blocking_targets, net_definitions, reads, unsat
from rtlopt.templates._sem import Analysis, is_pure, paren, self_width, strip

MIN_ARMS = 3
MAX_ARMS = 16


def _indent_of(text: str, offset: int) -> str:
    ls = text.rfind("\n", 0, offset) + 1
    pre = text[ls:offset]
    return pre if not pre.strip() else pre[: len(pre) - len(pre.lstrip())]


def _exclusive(an: Analysis, zx: Z3Expr, conds: list) -> bool:
    terms = [zx.boolean(c) for c in conds]
    return all(unsat(terms[i], terms[j], timeout_ms=1000) for i, j in combinations(range(len(terms)), 2))


def _blocks(an: Analysis) -> list[tuple[int, int, set]]:
    out = []
    for s in an.symbols:
        if isinstance(s, (ast.ProceduralBlockSymbol, ast.SubroutineSymbol)) and getattr(s, "body", None) is not None \
                and getattr(s, "syntax", None) is not None:
            a, b = an.span(s.syntax)
            out.append((a, b, blocking_targets(s.body)))
    return out


class ExclusiveChainToParallel(Template):
    """An if/else-if or ternary chain whose conditions are proven pairwise exclusive → a parallel selection."""

    id = rule = "exclusive_chain_to_parallel"
    description = ("an if/else-if or ?: chain whose conditions are proven mutually exclusive (z3, through decode "
                   "wires) becomes a parallel case / AND-OR selection without priority gating")

    def find(self, an: Analysis) -> list[Match]:
        defs = net_definitions(an)
        zx = Z3Expr(an, defs=defs)
        blocks = _blocks(an)
        out: list[Match] = []
        inner: set[int] = set()
        for st, s, e in an.statements:
            if type(st).__name__ != "ConditionalStatement" or id(st) in inner:
                continue
            arms, cur, default = [], st, None
            while cur is not None:
                if len(cur.conditions) != 1 or cur.conditions[0].pattern is not None:
                    arms = []
                    break
                arms.append((cur.conditions[0].expr, cur.ifTrue))
                nxt = cur.ifFalse
                if nxt is not None and type(nxt).__name__ == "ConditionalStatement":
                    inner.add(id(nxt))
                    cur = nxt
                    continue
                default = nxt
                cur = None
            if not MIN_ARMS <= len(arms) <= MAX_ARMS:
                continue
            conds = [c for c, _b in arms]
            if not all(is_pure(c) for c in conds):
                continue
            vol = next((v for a, b, v in blocks if a <= s and e <= b), set())
            if any(reads(c) & vol for c in conds):
                continue
            if not _exclusive(an, zx, conds):
                continue
            ind = _indent_of(an.text, s)
            lines = ["(* parallel_case *)", f"{ind}case (1'b1)"]
            for c, body in arms:
                cs, ce = an.span(strip(c).syntax)
                bs, be = an.span(body.syntax)
                lines.append(f"{ind}    {an.text[cs:ce]}: {an.text[bs:be]}")
            if default is not None:
                ds, de = an.span(default.syntax)
                lines.append(f"{ind}    default: {an.text[ds:de]}")
            lines.append(f"{ind}endcase")
            out.append(self._m(an, s, e, f"{len(arms)}-arm priority chain over exclusive conditions",
                               [Edit(s, e, "\n".join(lines))]))
        out.extend(self._ternaries(an, zx, blocks))
        return out

    def _ternaries(self, an: Analysis, zx: Z3Expr, blocks) -> list[Match]:
        """``c1 ? v1 : c2 ? v2 : .. : 0`` (whole right-hand side, values no wider than the target)."""
        out: list[Match] = []
        done: set[tuple[int, int]] = set()
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "ConditionalExpression" or (info.start, info.end) in done:
                continue
            arms, cur = [], n
            while type(cur).__name__ == "ConditionalExpression" and len(cur.conditions) == 1 \
                    and cur.conditions[0].pattern is None:
                arms.append((cur.conditions[0].expr, cur.left))
                ci = an.info(cur)
                if ci is not None:
                    done.add((ci.start, ci.end))
                cur = strip(cur.right)
            if not MIN_ARMS <= len(arms) <= MAX_ARMS or an.const(cur) != 0:
                continue
            w = info.width
            vals = [v for _c, v in arms]
            if not w or any(not is_pure(x) for x in [c for c, _v in arms] + vals):
                continue
            vis = [an.info(v) for v in vals]
            if any(vi is None or getattr(strip(v).type, "isSigned", False) or (self_width(v) or w + 1) > w
                   for v, vi in zip(vals, vis, strict=True)):
                continue
            vol = next((vv for a, b, vv in blocks if a <= info.start and info.end <= b), set())
            conds = [c for c, _v in arms]
            if any(reads(c) & vol for c in conds) or not _exclusive(an, zx, conds):
                continue
            terms = []
            for c, vi in zip(conds, vis, strict=True):
                ct = an.info(c)
                if ct is None:
                    break
                cond = paren(ct.text.strip()) if self_width(c) == 1 else f"(|{paren(ct.text.strip())})"
                terms.append(f"({{{w}{{{cond}}}}} & {paren(vi.text.strip())})")
            else:
                out.append(self._m(an, info.start, info.end,
                                   f"{len(arms)}-arm ?: chain over exclusive conditions as an AND-OR selection",
                                   [Edit(info.start, info.end, "(" + " | ".join(terms) + ")")]))
        return out


__all__ = ["ExclusiveChainToParallel", "Match"]
