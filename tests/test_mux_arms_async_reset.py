"""mux_redundant_arms keeps an asynchronous reset's if alone (no "Multiple edge sensitive events").

In ``always @(posedge clk or negedge rst_n)`` the top ``if`` tests the reset; synthesis reads its
condition as the reset signal. Merging a synchronous clear with the same body into it
(``if ((!rst_n) || (clr))``) or dropping the if because both arms are alike leaves a block Yosys
rejects ("Multiple edge sensitive events found for this signal"): candidates that fail measurement.
The template declines there; the same arms one level down (inside the reset's else) and the same
code in a block with one edge are still merged, and Yosys reads every candidate it offers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates import REGISTRY

#: Verilog-2005: a clear arm with the reset's body, and an if whose arms are alike
ASYNC_V = """module ar_clr (
  input clk, input rst_n, input clr, input en, input [7:0] d,
  output reg [7:0] q, output reg [7:0] r
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      q <= 8'd0;
    else if (clr)
      q <= 8'd0;
    else if (en)
      q <= d;
  end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) r <= 8'd0;
    else r <= 8'd0;
endmodule
"""

#: SystemVerilog always_ff, active-high reset, a named block, the clear arm as begin/end
ASYNC_SV = """module ar_clr_sv #(parameter int W = 6) (
  input  logic clk, rst, kick, load,
  input  logic [W-1:0] v,
  output logic [W-1:0] cnt
);
  always_ff @(posedge clk, posedge rst) begin : p_cnt
    if (rst) begin
      cnt <= '0;
    end else if (kick) begin
      cnt <= '0;
    end else if (load) begin
      cnt <= v;
    end else begin
      cnt <= cnt + 1'b1;
    end
  end
endmodule
"""

#: the same arms one level down, inside the reset's else: merged (the reset's if is untouched)
NESTED_V = """module ar_nested (
  input clk, input rst_n, input a, input b, input [3:0] d,
  output reg [3:0] q
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 4'd0;
    else begin
      if (a) q <= 4'd0;
      else if (b) q <= 4'd0;
      else q <= d;
    end
endmodule
"""


def _descs(text: str) -> list[str]:
    return [m.description for m in REGISTRY["mux_redundant_arms"].match(text)]


@pytest.mark.parametrize("text", [ASYNC_V, ASYNC_SV], ids=["v", "sv"])
def test_reset_if_left_alone(text: str):
    assert _descs(text) == []


@pytest.mark.parametrize("text, n", [(ASYNC_V.replace("posedge clk or negedge rst_n", "posedge clk"), 2),
                                     (ASYNC_SV.replace("posedge clk, posedge rst", "posedge clk"), 1)],
                         ids=["v", "sv"])
def test_synchronous_reset_still_merged(text: str, n: int):
    # near miss: one edge, the reset is a plain input: the arms are merged as before
    d = _descs(text)
    assert len(d) == n, d
    assert any("merged" in x for x in d)


def test_arms_inside_the_reset_else_still_merged():
    d = _descs(NESTED_V)
    assert len(d) == 1 and "merged" in d[0], d
    new = REGISTRY["mux_redundant_arms"].rewrite(NESTED_V, REGISTRY["mux_redundant_arms"].match(NESTED_V))
    assert new is not None and "if (!rst_n) q <= 4'd0;" in new and "(a) || (b)" in new


@pytest.mark.yosys
@pytest.mark.parametrize("text, ext", [(ASYNC_V, "v"), (ASYNC_SV, "sv"), (NESTED_V, "v")],
                         ids=["v", "sv", "nested"])
def test_every_candidate_is_synthesizable(tmp_path: Path, text: str, ext: str):
    """Each candidate the templates offer on these files is read by Yosys (proc: async reset found)."""
    from rtlopt.templates import rewrites
    from rtlopt.verify._prepare import yosys_tool

    got = rewrites(text, name=f"t.{ext}")
    for i, (_tmpl, _ms, new) in enumerate(got):
        f = tmp_path / f"c{i}.{ext}"
        f.write_text(new)
        res = yosys_tool().run_script(f"read_verilog -sv {f.name}\nproc\n", cwd=tmp_path, timeout=120, check=False)
        assert res.returncode == 0, (_tmpl.id, new, res.stdout[-800:])
    # and the checker would have caught the old candidates: the merged reset is rejected by Yosys
    bad = ASYNC_V.replace("if (!rst_n)\n      q <= 8'd0;\n    else if (clr)", "if ((!rst_n) || (clr))")
    (tmp_path / "bad.v").write_text(bad)
    res = yosys_tool().run_script("read_verilog -sv bad.v\nproc\n", cwd=tmp_path, timeout=120, check=False)
    assert res.returncode != 0 and "edge" in (res.stdout + res.stderr).lower()
