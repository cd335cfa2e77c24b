"""heldout5 fixes (a): narrowacc and mulpow2, both found by simulation of the elaborated module.

narrowacc: ``T = B;`` then statements that only add small amounts to ``T`` (a loop of conditional
increments, an unrolled ``+ bit`` chain) accumulate into a K-bit variable first, ``T = B + acc``
(K from the simulated range of ``T - B``); not offered when ``T - B`` needs more than half of T's bits.
mulpow2: a product with a word that simulates as ``1 << s`` (a case table of powers of two, a function)
becomes a shift by ``s``; not offered for a general or a non-power-of-two operand. Both proven.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design

EVLOOP = """module evc #(parameter N = 5) (input clk, input rst, input [N-1:0] ev, output reg [19:0] cnt);
  reg [19:0] nx;
  integer i;
  always @* begin
    nx = cnt;
    for (i = 0; i < N; i = i + 1)
      if (ev[i]) nx = nx + 1'b1;
  end
  always @(posedge clk) if (rst) cnt <= 0; else cnt <= nx;
endmodule
"""

# the increments are whole bytes: T - B needs 9 of 16 bits, no gain from a narrow sum
WIDEINC = """module acc2(input clk, input rst, input [15:0] d, output reg [15:0] s);
  reg [15:0] sn;
  always @* begin
    sn = s;
    sn = sn + d[7:0];
    sn = sn + d[15:8];
  end
  always @(posedge clk) if (rst) s <= 0; else s <= sn;
endmodule
"""

CASEPOW = """module lenb(input [1:0] sz, input [7:0] n, output reg [12:0] b);
  reg [3:0] u;
  always @* begin
    case (sz)
      2'd0: u = 4'd1;
      2'd1: u = 4'd2;
      2'd2: u = 4'd4;
      default: u = 4'd8;
    endcase
    b = n * u;
  end
endmodule
"""

NOTPOW = CASEPOW.replace("default: u = 4'd8;", "default: u = 4'd6;")

GENMUL = """module gm(input [7:0] a, input [3:0] m, output [11:0] y);
  assign y = a * m;
endmodule
"""


def _rw(tmp_path: Path, mod: str, name: str, text: str):
    import importlib

    p = tmp_path / name
    p.write_text(text)
    return importlib.import_module(f"rtlopt.semantic.{mod}").rewrites({p: text})


def _proven(tmp_path: Path, name: str, gold: str, gate: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / name).write_text(t)
    return check_equivalence(open_design(tmp_path / "gold" / name), open_design(tmp_path / "gate" / name),
                             VerifyOptions(timeout_s=120)).verdict.name


@pytest.mark.yosys
def test_narrowacc_loop_of_increments(tmp_path: Path):
    got = _rw(tmp_path, "narrowacc", "t.v", EVLOOP)
    assert len(got) == 1, got
    new = got[0][1]
    assert "reg [2:0] nx_inc;" in new and "nx = cnt + nx_inc;" in new, new
    assert "if (ev[i]) nx_inc = nx_inc + 1'b1;" in new and "nx = cnt;" not in new, new
    assert _proven(tmp_path, "t.v", EVLOOP, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_narrowacc_not_offered_for_wide_increments(tmp_path: Path):
    assert _rw(tmp_path, "narrowacc", "t.v", WIDEINC) == []


@pytest.mark.yosys
def test_mulpow2_case_table(tmp_path: Path):
    got = _rw(tmp_path, "mulpow2", "t.v", CASEPOW)
    assert len(got) == 1, got
    new = got[0][1]
    assert "n * u" not in new and "<< sz" in new, new
    assert _proven(tmp_path, "t.v", CASEPOW, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_mulpow2_not_offered_without_power_of_two(tmp_path: Path):
    assert _rw(tmp_path, "mulpow2", "t.v", NOTPOW) == []
    assert _rw(tmp_path, "mulpow2", "g.v", GENMUL) == []


# regfunc: a total counter beside exclusive part counters is their sum (Relation.plus2); when both parts
# can count in one cycle while the total counts once, no sum relation holds
TOTAL = """module tot(input clk, input rst, input a, input b, output reg [9:0] na, output reg [9:0] nb,
    output reg [9:0] nt);
  always @(posedge clk)
    if (rst) begin na <= 0; nb <= 0; nt <= 0; end
    else begin
      if (a) na <= na + 1'b1;
      else if (b) nb <= nb + 1'b1;
      if (a | b) nt <= nt + 1'b1;
    end
endmodule
"""

NOT_TOTAL = TOTAL.replace("else if (b) nb", "if (b) nb")


def _sums(tmp_path: Path, text: str):
    from rtlopt.semantic import regfunc

    p = tmp_path / "tot.v"
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, "tot")
    assert an.error is None, an.error
    return [r for r in an.relations if r.plus2], regfunc.candidates_for({p: text}, "tot")


@pytest.mark.yosys
def test_regfunc_total_is_sum_of_parts(tmp_path: Path):
    sums, cands = _sums(tmp_path, TOTAL)
    assert [(r.target.rpartition(".")[2], r.k) for r in sums] == [("nt", 0)], sums
    texts = [t for new, _desc in cands for t in new.values()]
    hit = [t for t in texts if "(na + nb)" in t or "(nb + na)" in t]
    assert hit, cands
    assert _proven(tmp_path, "tot.v", TOTAL, hit[0]) == "EQUIVALENT"


@pytest.mark.yosys
def test_regfunc_no_sum_when_parts_overlap(tmp_path: Path):
    assert _sums(tmp_path, NOT_TOTAL)[0] == []


@pytest.mark.yosys
def test_narrowacc_width_at_instance_parameters(tmp_path: Path):
    from rtlopt.semantic.narrowacc import rewrites

    p = tmp_path / "t.v"
    p.write_text(EVLOOP)
    got = rewrites({p: EVLOOP}, params={"evc": {"N": 9}})
    assert len(got) == 1 and "reg [3:0] nx_inc;" in got[0][1], got


# register_width_reduction: a magnitude compare against the proven top value also when the read is the
# zero-extended low slice an earlier narrowing wrote ({26'b0, pre[5:0]}); not when the bound passes the slice
SLICED = """module pre(input clk, input rst, input en, output reg tick);
  reg [31:0] pre;
  always @(posedge clk) begin
    tick <= 1'b0;
    if (rst) pre <= 32'd0;
    else if (en) begin
      if ({26'b0, pre[5:0]} >= 32'd47) begin pre <= 32'd0; tick <= 1'b1; end
      else pre <= {26'b0, pre[5:0]} + 32'd1;
    end
  end
endmodule
"""


def _eq_matches(text: str):
    from rtlopt.templates._regwidth import RegisterWidthReduction

    rw = RegisterWidthReduction()
    return rw, [m for m in rw.match(text) if "against its top value" in m.description
                and not m.data.get("alternative")]  # (with an in-place narrowing: tests/test_regwidth_inplace.py)


@pytest.mark.yosys
def test_regwidth_sliced_read_compare_as_equality(tmp_path: Path):
    rw, ms = _eq_matches(SLICED)
    assert len(ms) == 1, ms
    new = rw.rewrite(SLICED, ms)
    assert "if ({26'b0, pre[5:0]} == 32'd47)" in new, new
    assert _proven(tmp_path, "pre.v", SLICED, new) == "EQUIVALENT"


def test_regwidth_sliced_read_bound_past_slice_stays():
    # a 3-bit slice cannot hold 47: the slice is not the register, nothing is offered
    text = SLICED.replace("{26'b0, pre[5:0]} >= 32'd47", "{29'b0, pre[2:0]} >= 32'd47")
    assert _eq_matches(text)[1] == []
