"""Lexical retrieval baseline: does the rule library find what the RTLRewriter-Bench human references do?

For every case of ``../shared/bench/rtlrewriter`` the table lists the rules a human-optimized reference
applies (labelled by reading the original and human files; see EXPECTED) and the rank at which
``RuleLibrary.search`` returns the first of them when the query is the original design's source text.
Prints recall@1/3/5 at the end. This is the baseline the later vector-store (chromadb) backend must beat.

    python benchmarks/rules_retrieval.py [--bench DIR] [--min-score S]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from rtlopt.rules import load_rules

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "rtlrewriter"

#: case -> rules the human reference applies (any of them counts as a hit).
EXPECTED: dict[str, tuple[str, ...]] = {
    "add1": ("operator_sharing_across_mux",),
    "add3": ("register_retiming", "adder_chain_to_tree"),
    "checksum": ("adder_chain_to_tree",),
    "communtativity_subpexpression2": ("common_subexpression_elimination", "commutative_reassociation"),
    "commutativity_subexpression": ("common_subexpression_elimination", "commutative_reassociation"),
    "flatten1": ("mux_tree_flattening", "mux_chain_to_case"),
    "if_else": ("mux_chain_to_case",),
    "if_prority": ("priority_to_parallel_case",),
    "logic_elimnation": ("boolean_simplification", "dead_code_elimination"),
    "multi_constant_multiplication": ("multiple_constant_multiplication", "const_mult_to_shift_add"),
    "multi_constant_multiplication2": ("multiple_constant_multiplication", "const_mult_to_shift_add"),
    "register_balancing": ("register_retiming",),
    "sub-expression-basic": ("common_subexpression_elimination",),
    "adder_architecture": ("structural_adder_to_operator",),
    "adder_bit_width": ("bitwidth_reduction",),
    "adder_resource": ("add_sub_merging", "operator_sharing_across_mux"),
    "adder_subexpression": ("adder_chain_to_tree",),
    "algebraic_simplification": ("identity_operations",),
    "constant_folding": ("constant_folding",),
    "constant_propagation": ("constant_propagation",),
    "dead_code_elimination": ("dead_code_elimination",),
    "loop_fusion": ("loop_fusion",),
    "loop_jamming": ("loop_fusion",),
    "strength_reduction": ("const_mult_to_shift_add",),
    "subexpression_elimination": ("common_subexpression_elimination",),
    "alu_bit_width": ("bitwidth_reduction",),
    "alu_resource": ("operator_sharing_across_mux", "dead_code_elimination"),
    "alu_subexpression": ("mux_redundant_arms", "operator_sharing_across_mux", "common_subexpression_elimination"),
    "multiplier_architecture": ("structural_adder_to_operator",),
    "multiplier_bitwidth": ("bitwidth_reduction", "operator_sharing_across_mux"),
    "multiplier_subexpression": ("loop_carried_chain_to_tree", "adder_chain_to_tree"),
    "gemm": ("unused_register_elimination", "dead_code_elimination"),
    "md": ("unused_register_elimination", "redundant_register_removal"),
    "sort_merge": ("unused_register_elimination", "fsm_state_minimization"),
    "spmv": ("unused_register_elimination",),
    "memory_compression": ("memory_constant_bits_removal",),
    "memory_folding": ("memory_folding",),
    "memory_folding2": ("memory_folding",),
    "memory_sharing": ("duplicate_memory_merge",),
    "example1": ("fsm_state_minimization", "fsm_dont_care_merging"),
    "example2": ("fsm_state_minimization",),
    "example3": ("fsm_state_minimization",),
    "example4": ("fsm_reencode_binary",),
    "example5": ("fsm_reencode_gray", "fsm_reencode_binary"),
    "mux_dead_code": ("unreachable_branch_elimination", "dead_code_elimination"),
    "mux_type1": ("mux_condition_propagation",),
    "mux_type2": ("mux_condition_propagation",),
    "mux_type3": ("mux_constant_arm_to_logic",),
    "mux_type4": ("mux_shared_data_select_merge",),
    "mux_type5": ("mux_shared_data_select_merge", "mux_condition_propagation"),
}


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--min-score", type=float, default=0.0)
    ap.add_argument("--keep-comments", action="store_true", help="query with comments (they often name the fix)")
    args = ap.parse_args()
    manifest = json.loads((args.bench / "manifest.json").read_text())
    lib = load_rules()
    rows, ranks = [], []
    for case in manifest["cases"]:
        expected = EXPECTED.get(case["case"])
        orig = next((f for f in case["files"] if f["role"] == "original"), None)
        if not expected or orig is None:
            continue
        text = (args.bench / case["dir"] / orig["file"]).read_text(errors="replace")
        if not args.keep_comments:
            text = strip_comments(text)
        hits = lib.search(text, min_score=args.min_score)
        names = [r.name for r, _ in hits]
        rank = next((i + 1 for i, n in enumerate(names) if n in expected), None)
        ranks.append(rank)
        rows.append((case["suite"], case["case"], rank, names[:3], expected[0]))
    print(f"{'suite':<15} {'case':<32} {'rank':>4}  top-3 retrieved                                              expected")
    for suite, name, rank, top, exp in rows:
        print(f"{suite:<15} {name:<32} {rank if rank else '-':>4}  {', '.join(top):<60} {exp}")
    n = len(ranks)
    for k in (1, 3, 5, 10):
        hit = sum(1 for r in ranks if r is not None and r <= k)
        print(f"recall@{k:<2} {hit}/{n} = {hit / n:.2f}")
    print(f"library: {len(lib)} rules, content hash {lib.content_hash()[:12]}")


if __name__ == "__main__":
    main()
