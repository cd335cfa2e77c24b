"""Golden tests of the rendered prompts (re-bless with ``RTLOPT_BLESS=1 pytest tests/test_llm_prompts.py``).

A synthetic rule is used (not the library's YAML) so these goldens change only when the prompt
templates or the rendering change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rtlopt.llm import _prompts as P
from rtlopt.rules import Example, Rule

GOLDEN = Path(__file__).resolve().parent / "golden" / "llm"
BLESS = os.environ.get("RTLOPT_BLESS") == "1"

RULE = Rule(
    name="operator_sharing_across_mux", category="mux", title="Hoist a common operator out of a mux",
    detects="A multiplexer whose arms apply the same operator to different operands.\n",
    rewrite="Multiplex the operands and apply the operator once.\n", objectives=("area", "power"),
    preconditions=("Both arms use the same operator with the same widths and signedness.",),
    template="operator_sharing_across_mux", tags=("mux", "sharing"),
    examples=(Example("ex", "module ex(input s, input [3:0] a, b, c, d, output [4:0] y);\n"
                            "  assign y = s ? a + b : c + d;\nendmodule\n",
                      "module ex(input s, input [3:0] a, b, c, d, output [4:0] y);\n"
                      "  assign y = (s ? a : c) + (s ? b : d);\nendmodule\n", note="one adder instead of two"),))
CODE = "module sha(input s, input [7:0] a, b, c, d, output [8:0] y);\n  assign y = s ? a + b : c + d;\nendmodule\n"


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if BLESS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; run with RTLOPT_BLESS=1 to create it")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; re-bless with RTLOPT_BLESS=1 if intended"


def test_system_prompt_golden() -> None:
    text = P.system_prompt()
    assert "$" not in text.replace("$signed", "").replace("$unsigned", "").replace("$clog2", "")
    _check("system.txt", text)


@pytest.mark.parametrize("path", ["dataflow", "control"])
def test_rewrite_prompt_golden(path: str) -> None:
    t = P.Target("/x/sha.v", CODE, ("sha",), True, constraints=[
        "module `sha` (the top module): keep the name and the ports in this order: input s [1 bit], "
        "input a [8 bits], input b [8 bits], input c [8 bits], input d [8 bits], output y [9 bits]",
        "the design is combinational: do not add registers or latches"])
    text = P.rewrite_prompt(t, goal="area", path=path, rules=[(RULE, 0.734)],
                            findings=["the same arithmetic operator in both arms of a multiplexer or if/else"])
    assert CODE.strip() in text and "operator_sharing_across_mux (score 0.73" in text
    _check(f"rewrite_{path}.txt", text)


def test_rewrite_prompt_split_module_and_no_rules() -> None:
    t = P.Target("/x/big.v", CODE, ("sha",), False, constraints=["keep everything"])
    text = P.rewrite_prompt(t, goal="delay", path="dataflow", rules=[], findings=[])
    assert "the other modules of the file are not shown and must not change" in text
    assert "no rule scored above the retrieval cutoff" in text
    _check("rewrite_split_norules.txt", text)


def test_feedback_goldens() -> None:
    texts = {
        "no_code": P.feedback("no_code", error="the response contains no Verilog module", return_what="module"),
        "refused": P.feedback("refused", problems="- interface: module 'sha': port 'y' changed width 9 -> 10 bits"),
        "parse_error": P.feedback("parse_error", error="sha.v:2:40: syntax error: expected ';'",
                                  context=P.parse_error_context(CODE, 2)),
        "not_equivalent": P.feedback("not_equivalent", trace="counterexample (combinational):\n  input s = 1"),
        "unknown": P.feedback("unknown", reason="z3 hit the time limit"),
        "worse": P.feedback("worse", goal="area", metric_name="area", before="100", after="120", area_before="100",
                            area_after="120", delay_before="0.5", delay_after="0.6", cells_before="20",
                            cells_after="25"),
        "unchanged": P.feedback("unchanged"),
    }
    assert ">   2|" in texts["parse_error"]
    _check("feedback.txt", "\n=====\n".join(f"[{k}]\n{v}" for k, v in texts.items()))


def test_rules_claimed_only_known_names() -> None:
    resp = "```verilog\nmodule m; endmodule\n```\n**RULES:** operator_sharing_across_mux, made_up_rule, `adder_chain_to_tree`"
    assert P.rules_claimed(resp, {"operator_sharing_across_mux", "adder_chain_to_tree"}) == (
        "operator_sharing_across_mux", "adder_chain_to_tree")
