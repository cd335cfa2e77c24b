"""Retrieval quality of the RAG store on the RTLRewriter short benchmark.

For every case of ``../shared/bench/rtlrewriter/manifest.json`` the query is the design-feature query
of the ORIGINAL file (``rtlopt.rag.extract_features(text).query("area")``, exactly what the LLM stage
retrieves with). The expected rule(s) are the rules the HUMAN reference applies, assigned by reading
each original/human pair (table ``EXPECTED`` below, with the evidence). Cases whose human rewrite no
library rule describes are listed in ``NO_RULE`` and left out of the scores.

For each backend (local hashed TF-IDF, MiniLM, and the lexical BM25 search as a baseline) it prints
the rank of the best-ranked expected rule in the full ranking, its score, whether it clears the
backend's default cutoff, and summary metrics (hit@1/3/5, MRR, recall at the cutoff, rules returned
at the cutoff).

Usage::

    python benchmarks/retrieval_bench.py [--backends local,minilm,bm25] [--cases N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "rtlrewriter"

#: case -> (expected rules, what the human reference does).
EXPECTED: dict[str, tuple[tuple[str, ...], str]] = {
    "add1": (("operator_sharing_across_mux",), "if (s) Z=A+B else Z=C+D -> mux operands, one adder"),
    "add3": (("register_retiming", "adder_chain_to_tree"), "adds moved before the registers, 3x3 partial sums"),
    "checksum": (("adder_chain_to_tree",), "in0+in1+in2+in3 -> (in0+in1)+(in2+in3)"),
    "communtativity_subpexpression2": (("common_subexpression_elimination", "commutative_reassociation"),
                                       "X*Y, Z+P, Q-R, X+P computed once, operands reordered"),
    "commutativity_subexpression": (("common_subexpression_elimination", "commutative_reassociation"),
                                    "A+B, C*D (=D*C), E-F shared"),
    "flatten1": (("mux_tree_flattening",), "three mux2x1 instances -> one 4:1 mux"),
    "if_else": (("mux_chain_to_case", "priority_to_parallel_case"),
                "case <-> ternary chain on one selector (the same equivalence, applied in reverse)"),
    "if_prority": (("priority_to_parallel_case",), "if/else-if on binValue==1..4 -> case"),
    "logic_elimnation": (("mux_condition_propagation", "dead_code_elimination"),
                         "intermediate mux and wire folded into the clocked if"),
    "multi_constant_multiplication": (("multiple_constant_multiplication", "const_mult_to_shift_add"),
                                      "9x, 23x = 32x-9x, 81x = 8*9x+9x sharing 9x"),
    "multi_constant_multiplication2": (("multiple_constant_multiplication", "const_mult_to_shift_add"),
                                       "13x, 25x, 63x from a shared 9x"),
    "register_balancing": (("register_retiming",), "in_a+in_b moved before the register"),
    "sub-expression-basic": (("common_subexpression_elimination",), "a[0]&b[1] and b[0]^a[2] shared"),
    "adder_architecture": (("structural_adder_to_operator",), "ripple-carry full adders -> carry look-ahead"),
    "adder_bit_width": (("bitwidth_reduction",), "128-bit internal sum -> 9 bits"),
    "adder_resource": (("add_sub_merging", "operator_sharing_across_mux"),
                       "adder + subtractor muxed by mode -> one adder with b or ~b+1"),
    "adder_subexpression": (("adder_chain_to_tree",), "((a+b)+c)+d -> (a+b)+(c+d)"),
    "algebraic_simplification": (("identity_operations", "algebraic_factoring"), "s1+0, s1*1, t1+t2 -> s1*2"),
    "constant_folding": (("constant_folding", "identity_operations"), "3*5 -> 15, 0*c dropped, 1*2+4 -> 6"),
    "constant_propagation": (("constant_propagation", "constant_folding"), "a=2, b=a*32+3 -> c*67"),
    "dead_code_elimination": (("dead_code_elimination",), "s2..s6 drive nothing: removed"),
    "loop_fusion": (("loop_fusion",), "two loops over i<W -> one"),
    "loop_jamming": (("loop_fusion",), "second loop jammed into the first"),
    "strength_reduction": (("const_mult_to_shift_add",), "a*4 -> a<<2, b*5 -> (b<<2)+b, c*9 -> (c<<3)+c"),
    "subexpression_elimination": (("common_subexpression_elimination",), "s4 reuses s2 (a*b == b*a), s6 = s4+s5"),
    "alu_bit_width": (("bitwidth_reduction",), "32-bit extended operands -> 8 bits"),
    "alu_subexpression": (("common_subexpression_elimination", "operator_sharing_across_mux"),
                          "a+b+c+d shared by ADD/ADDReverse; mux operands into one adder"),
    "multiplier_architecture": (("structural_adder_to_operator",), "array multiplier -> Wallace tree (structural)"),
    "multiplier_bitwidth": (("bitwidth_reduction", "operator_sharing_across_mux"),
                            "32-bit multiply -> 8x8; duplicate multiply in both if arms merged"),
    "multiplier_subexpression": (("adder_chain_to_tree", "structural_adder_to_operator"),
                                 "partial-product chain -> adder tree"),
    "gemm": (("dead_code_elimination", "unused_register_elimination"), "temp_sum storage removed"),
    "md": (("unused_register_elimination", "dead_code_elimination", "identity_operations"),
           "staging memories and +0 removed"),
    "sort_merge": (("fsm_state_minimization", "unused_register_elimination"),
                   "PRE_SORT/POST_SORT pass-through states merged, a_backup removed"),
    "spmv": (("unused_register_elimination", "identity_operations", "dead_code_elimination"),
             "sum + r - r -> sum, redundant_sum register removed"),
    "memory_compression": (("memory_constant_bits_removal",), "low 8 always-zero bits not stored"),
    "memory_folding": (("memory_folding",), "mem1/mem2 used in disjoint phases -> one memory"),
    "memory_folding2": (("memory_folding",), "three phase memories -> one"),
    "memory_sharing": (("duplicate_memory_merge",), "mem1 and mem2 always equal -> one memory"),
    "example1": (("fsm_state_minimization",), "6 states -> 4"),
    "example2": (("fsm_state_minimization",), "A/C and B/D merged"),
    "example3": (("fsm_state_minimization", "fsm_unreachable_state_removal"), "7 states -> 4"),
    "example4": (("fsm_reencode_binary",), "one-hot codes -> binary"),
    "example5": (("fsm_reencode_gray", "fsm_reencode_binary"), "one-hot -> adjacent (Gray-like) codes"),
    "mux_dead_code": (("unreachable_branch_elimination", "dead_code_elimination", "mux_condition_propagation"),
                      "if (x) ... if (x|sel) / else if (x) never taken; unused adder/sub/alu removed"),
    "mux_type1": (("mux_condition_propagation",), "second mux on the same select: inner mux known -> a"),
    "mux_type2": (("mux_condition_propagation",), "data input b when select b is 1 -> constant 1"),
    "mux_type3": (("mux_constant_arm_to_logic",), "sel ? 1 : a -> a | sel"),
    "mux_type4": (("mux_shared_data_select_merge",), "two muxes over (a, b) -> mux the selects"),
    "mux_type5": (("mux_shared_data_select_merge",), "muxes over (a, b) with different selects merged"),
}
#: Cases whose human rewrite no rule of the library describes (left out of the scores).
NO_RULE: dict[str, str] = {
    "distributed_ram": "block RAM -> distributed RAM (an FPGA mapping choice; output register kept)",
    "loop_tiling": "loop tiling (no hardware effect after unrolling; no rule)",
    "loop_unrolling": "manual unroll by 8 (no hardware effect; no rule)",
    "memory_banking": "one memory split into two banks (no banking rule)",
    "alu_resource": "only inlines the intermediate wires; logic unchanged",
}


def _cases() -> list[tuple[str, str]]:
    man = json.loads((BENCH / "manifest.json").read_text())
    out = []
    for c in man["cases"]:
        orig = [f for f in c["files"] if f["role"] == "original"][0]
        out.append((c["case"], (BENCH / c["dir"] / orig["file"]).read_text(encoding="utf-8", errors="replace")))
    return out


def _ranker(backend: str, lib, cache: str):
    from rtlopt import rag

    if backend == "bm25":
        return (lambda q: lib.search(q, min_score=0.0)), 0.2
    store = rag.open_store(lib, embedding=backend, cache_dir=cache)
    return (lambda q: store.search(q, min_score=0.0)), rag.DEFAULT_MIN_SCORE[backend]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backends", default="local,minilm,bm25")
    ap.add_argument("--cases", type=int, default=0, help="only the first N cases")
    ap.add_argument("--json", help="also write the raw results here")
    ap.add_argument("--goal", default="area")
    args = ap.parse_args(argv)
    if not (BENCH / "manifest.json").exists():
        print(f"benchmark not found at {BENCH}", file=sys.stderr)
        return 2
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sys.path.insert(0, str(ROOT))
    from rtlopt.rag import extract_features
    from rtlopt.rules import load_rules

    lib = load_rules()
    cases = _cases()
    if args.cases:
        cases = cases[: args.cases]
    for name, _t in cases:
        if name not in EXPECTED and name not in NO_RULE:
            print(f"warning: case {name} has no expected-rule mapping", file=sys.stderr)
        for r in EXPECTED.get(name, ((), ""))[0]:
            lib.get(r)  # every expected rule must exist
    queries = {name: extract_features(text).query(args.goal) for name, text in cases}
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="rtlopt-rbench-") as cache:
        for b in backends:
            t0 = time.monotonic()
            rank_fn, cutoff = _ranker(b, lib, cache)
            t_open = time.monotonic() - t0
            t1 = time.monotonic()
            rows = {}
            for name, _t in cases:
                if name not in EXPECTED:
                    continue
                ranked = rank_fn(queries[name])
                names = [r.name for r, _s in ranked]
                exp = EXPECTED[name][0]
                best = None
                for i, n in enumerate(names):
                    if n in exp:
                        best = (i + 1, n, ranked[i][1])
                        break
                above = sum(1 for _r, s in ranked if s >= cutoff)
                rows[name] = {"rank": best[0] if best else None, "rule": best[1] if best else None,
                              "score": round(best[2], 3) if best else 0.0,
                              "above_cutoff": bool(best and best[2] >= cutoff), "returned": above,
                              "top1": names[0] if names else None}
            results[b] = {"cutoff": cutoff, "open_s": round(t_open, 2),
                          "query_ms": round(1000 * (time.monotonic() - t1) / max(1, len(rows)), 1), "rows": rows}

    scored = [n for n, _t in cases if n in EXPECTED]
    hdr = f"{'case':32} " + " ".join(f"{b + ' rank(score)':>20}" for b in backends) + "  expected (human reference)"
    print(hdr)
    print("-" * len(hdr))
    for n in scored:
        cells = []
        for b in backends:
            r = results[b]["rows"][n]
            mark = "" if r["above_cutoff"] else "*"
            cells.append(f"{(str(r['rank']) if r['rank'] else '-') + mark:>8}({r['score']:.3f})".rjust(20))
        print(f"{n:32} " + " ".join(cells) + "  " + ", ".join(EXPECTED[n][0]))
    print("\n(* = the expected rule scores below the backend's default cutoff)")
    print(f"\n{'metric':28} " + " ".join(f"{b:>10}" for b in backends))
    for label, fn in [
        ("hit@1", lambda rows: sum(1 for r in rows if r["rank"] == 1) / len(rows)),
        ("hit@3", lambda rows: sum(1 for r in rows if r["rank"] and r["rank"] <= 3) / len(rows)),
        ("hit@5", lambda rows: sum(1 for r in rows if r["rank"] and r["rank"] <= 5) / len(rows)),
        ("MRR", lambda rows: sum(1 / r["rank"] for r in rows if r["rank"]) / len(rows)),
        ("recall at default cutoff", lambda rows: sum(1 for r in rows if r["above_cutoff"]) / len(rows)),
        ("rules returned at cutoff", lambda rows: sum(r["returned"] for r in rows) / len(rows)),
    ]:
        print(f"{label:28} " + " ".join(f"{fn(list(results[b]['rows'].values())):>10.3f}" for b in backends))
    print(f"{'default cutoff':28} " + " ".join(f"{results[b]['cutoff']:>10.2f}" for b in backends))
    print(f"{'store open/build (s)':28} " + " ".join(f"{results[b]['open_s']:>10.2f}" for b in backends))
    print(f"{'query (ms)':28} " + " ".join(f"{results[b]['query_ms']:>10.1f}" for b in backends))
    print(f"\n{len(scored)} cases scored; {len(NO_RULE)} without a library rule: {', '.join(NO_RULE)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"queries": queries, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
