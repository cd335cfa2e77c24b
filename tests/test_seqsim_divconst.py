"""The gate model's map of unsigned divide / modulo by a constant (rtlopt.semantic._divconst).

Yosys's generic map divides at twice the widest operand in every stage: a pointer wrapped with
``(sp + 1) % DEPTH`` (DEPTH an integer parameter: a 32-bit expression) was 47,000 gates in the
sequential analyses' netlist (heldout10 cpu/ras_stack). The narrow long division must give the same
values as Verilog's ``/`` and ``%`` (checked by Yosys SAT against the generic map), be used only for
unsigned constant divisors, and keep the netlist small."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from rtlopt.semantic import _divconst, seqsim

pytestmark = pytest.mark.yosys

COMB = """
module t(input [7:0] a, input [3:0] b4, output [7:0] m6, output [7:0] d6, output [3:0] m10,
         output [5:0] d10, output [2:0] m5n, output [9:0] dw, output [7:0] d1, output [7:0] m1,
         output [7:0] mvar, output signed [7:0] ms);
  assign m6 = a % 6;
  assign d6 = a / 6;
  assign m10 = a % 8'd10;
  assign d10 = a / 4'd3;
  assign m5n = a[4:0] % 5'd5;
  assign dw = {2'b0, a} / 10'd7;
  assign d1 = a / 8'd1;
  assign m1 = a % 8'd1;
  assign mvar = a % b4;             // not a constant divisor: the generic map
  assign ms = $signed(a) % 3;       // signed: the generic map
endmodule
"""


def _yosys(script: str, cwd: Path) -> str:
    res = subprocess.run(["yosys", "-q", "-p", script], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    return res.stdout + res.stderr


@pytest.mark.slow
def test_map_equals_generic_divider(tmp_path):
    from rtlopt.verify import _exhaustive
    from rtlopt.verify._gates import gate_netlists
    from rtlopt.verify._prepare import GATE, GOLD

    (tmp_path / "t.v").write_text(COMB)
    cmd = _divconst.write_map(tmp_path)
    script = "; ".join([
        "read_verilog t.v", "hierarchy -top t", "proc", "opt_expr", "opt_clean", "design -save orig",
        cmd, "techmap", "opt_clean", "tee -o mapped.txt stat", f"rename t {GATE}", "write_rtlil gate.il",
        "design -load orig", "techmap", "opt_clean", "tee -o generic.txt stat", f"rename t {GOLD}",
        "write_rtlil gold.il"])
    _yosys(script, tmp_path)
    # every one of the 2^12 input vectors (a, b4) through both gate netlists: equal outputs (Yosys SAT on
    # the miter of the two took 41 s idle, 450 s at load 15, mostly on the divider pairs)
    g, h = gate_netlists(tmp_path / "gold.il", tmp_path / "gate.il", tmp_path, timeout=600)
    assert g.input_bits == 12
    outcome, detail, _ = _exhaustive.check(g, h, 600)
    assert outcome == "equivalent", detail
    # the constant-divisor cells took the narrow map: far fewer gates than the generic 8/10-bit dividers
    # (mvar and ms alone keep generic ones; generic.txt: gold, every divider generic)

    def cells(f):
        line = next(ln for ln in (tmp_path / f).read_text().splitlines() if "Number of cells" in ln)
        return int(line.split()[-1])

    assert cells("mapped.txt") < cells("generic.txt")


RAS = """
module ring #(parameter DEPTH = 6) (input clk, input rst_n, input up, input dn, output [7:0] pos);
    reg [7:0] sp;
    wire [7:0] inc = (sp + 8'd1) % DEPTH;
    wire [7:0] dec = (sp + DEPTH - 1) % DEPTH;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) sp <= 8'd0;
        else if (up && !dn) sp <= inc;
        else if (dn && !up) sp <= dec;
    assign pos = sp;
endmodule
"""


def test_modulo_pointer_model_small_and_exact(tmp_path):
    net = seqsim.load_texts({tmp_path / "ring.v": RAS}, "ring")
    # two 32-bit '% 6' were about 47,000 gates with the generic map
    assert len(net.gates) < 5000
    tr = seqsim.simulate(net, cycles=200, words=1, seed=3)
    sp = [net.q_index[b] for b in net.name_bits["sp"]]
    lanes = np.arange(64, dtype=np.uint64)
    vals = np.zeros((tr.shape[0], 64), dtype=np.int64)
    for i, j in enumerate(sp):
        vals += ((tr[:, j, 0][:, None] >> lanes) & np.uint64(1)).astype(np.int64) << i
    # the pointer stays below DEPTH and takes every value below it (the wrap is modelled, not free)
    assert set(vals.reshape(-1).tolist()) == set(range(6))


# ---- the same map in the AIGER miter (ABC) ------------------------------------------------------

STACK = """
module ring #(parameter DEPTH = 6) (input clk, input rst_n, input up, input dn, output [7:0] pos,
                                    output empty, output full);
    reg [7:0] sp;
    reg [7:0] cnt;
    wire [7:0] inc = (sp + 8'd1) % DEPTH;
    wire [7:0] dec = (sp + DEPTH - 1) % DEPTH;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin sp <= 8'd0; cnt <= 8'd0; end
        else if (up && !dn) begin sp <= inc; if (cnt != DEPTH) cnt <= cnt + 8'd1; end
        else if (dn && !up && cnt != 8'd0) begin sp <= dec; cnt <= cnt - 8'd1; end
    assign pos = sp;
    assign empty = cnt == 8'd0;
    assign full = cnt == DEPTH;
endmodule
"""


def test_miter_script_maps_constant_divisors(tmp_path):
    from rtlopt.verify._prepare import MiterSpec, miter_script

    spec = MiterSpec(inputs={"a": 8}, outputs={"y": 8})
    s = miter_script(spec, tmp_path / "gold.il", tmp_path / "gate.il", tmp_path / "miter.v",
                     aiger=tmp_path / "miter.aig")
    lines = s.splitlines()
    assert lines.index(f"techmap -map {_divconst.MAP_FILE} t:$div t:$mod") < lines.index("techmap")
    assert (tmp_path / _divconst.MAP_FILE).read_text() == _divconst.MAP


@pytest.mark.parametrize("bits, expect", [(3, "EQUIVALENT"), (2, "NOT_EQUIVALENT")])
def test_abc_proves_count_narrowing_beside_modulo(tmp_path, bits, expect):
    """The count (0..6) narrowed to 3 bits beside a '% 6' pointer: ABC proves it (the generic map of the
    two 32-bit dividers ran a 60 s proof out while writing the AIGER); 2 bits (count 4 wraps) is caught."""
    from tests._proof import abc_verdict

    old = tmp_path / "ring.v"
    old.write_text(STACK)
    new = STACK.replace("reg [7:0] cnt;", f"reg [{bits - 1}:0] cnt;")
    assert abc_verdict(tmp_path, old, new, "ring").name == expect


# ---- the checker's engine order: a constant divisor is not word-level arithmetic ----------------

def _cell(t: str, a: list, b: list, signed: bool = False) -> dict:
    s = "1" if signed else "0"
    return {"type": t, "parameters": {"A_SIGNED": s, "B_SIGNED": s},
            "connections": {"A": a, "B": b, "Y": [9, 10]}}


def test_constant_divisor_cell_class():
    from rtlopt.verify._netlist import DIVCONST, _shift_type

    assert _shift_type(_cell("$mod", [2, 3, 4], ["0", "1", "1"])) == DIVCONST        # x % 6
    assert _shift_type(_cell("$div", [2, 3, 4, 5], ["0", "1", "0", "1"])) == DIVCONST  # x / 10
    # near misses: signed, not constant, zero, floor division, a multiplier by a constant
    assert _shift_type(_cell("$mod", [2, 3, 4], ["0", "1", "1"], signed=True)) is None
    assert _shift_type(_cell("$mod", [2, 3, 4], [5, 6, 7])) is None
    assert _shift_type(_cell("$mod", [2, 3, 4], ["0", "0", "0"])) is None
    assert _shift_type(_cell("$divfloor", [2, 3, 4], ["0", "1", "1"])) is None
    assert _shift_type(_cell("$mul", [2, 3], ["1", "1", "0"])) is None


@pytest.mark.parametrize("expr, arith", [("% DEPTH", False), ("% cnt[2:0]", True)])
def test_modulo_pointer_not_arithmetic_for_engine_order(tmp_path, expr, arith):
    from rtlopt.design import open_design
    from rtlopt.verify._prepare import elaborate

    g = tmp_path / "g.v"
    g.write_text(STACK.replace("wire [7:0] dec = (sp + DEPTH - 1) % DEPTH;",
                               f"wire [7:0] dec = (sp + DEPTH - 1) {expr};"))
    wd = tmp_path / "wd"
    wd.mkdir()
    ginfo, _gil, hinfo, _hil = elaborate(open_design(g), open_design(g), wd, timeout=120)
    assert ginfo.has_arith is arith and hinfo.has_arith is arith


def test_default_chain_proves_count_narrowing_beside_modulo(tmp_path):
    """Without an engine list: the bit-level engines come before z3 on the %-wrapped pointer (z3's BMC ran
    the 60 s out on the ras_stack narrowing); the narrowing is proven."""
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    old = tmp_path / "ring.v"
    old.write_text(STACK)
    new = tmp_path / "new.v"
    new.write_text(STACK.replace("reg [7:0] cnt;", "reg [2:0] cnt;"))
    # parallel=False: the order itself (in a race z3 may decide first: also a proof)
    res = check_equivalence(open_design(old), open_design(new), VerifyOptions(timeout_s=600, parallel=False))
    assert res.verdict == Verdict.EQUIVALENT, res.format_text()
    assert res.engine != "smt"
