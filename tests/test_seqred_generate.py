"""Sequential redundancy across generate-loop iterations (rtlopt.semantic.seqred_gen): the cells of a
matrix arbiter's priority matrix below the diagonal are the complements of those above; the shared
always_ff becomes a generate if on the genvars (heldout3 arbiter/matrix_full_regs)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ARB = textwrap.dedent("""
module marb #(parameter int N = 3) (input logic clk, input logic rst_n, input logic [N-1:0] req,
                                    output logic [N-1:0] gnt);
  logic [N-1:0][N-1:0] w;
  always_comb
    for (int i = 0; i < N; i++) begin
      gnt[i] = req[i];
      for (int j = 0; j < N; j++) if (j != i && req[j] && w[j][i]) gnt[i] = 1'b0;
    end
  for (genvar i = 0; i < N; i++) begin : g_r
    for (genvar j = 0; j < N; j++) begin : g_c
      if (i != j) begin : g_cell
        always_ff @(posedge clk or negedge rst_n)
          if (!rst_n)      w[i][j] <= RESET;
          else if (gnt[i]) w[i][j] <= 1'b0;
          else if (gnt[j]) w[i][j] <= 1'b1;
      end else begin : g_diag
        assign w[i][j] = 1'b0;
      end
    end
  end
endmodule
""").lstrip()


def _cands(tmp_path: Path, src: str):
    from rtlopt.semantic.seqred import candidates_for

    p = tmp_path / "marb.sv"
    p.write_text(src)
    return [new[p] for new, _what, _names in candidates_for({p: src}, "marb", 30)]


@pytest.mark.yosys
def test_matrix_lower_half_driven_from_upper_half(tmp_path):
    got = _cands(tmp_path, ARB.replace("RESET", "(i < j)"))
    assert got, "no candidate"
    new = got[0]
    assert "if (i < j) begin : rtlopt_seqred_0" in new or "if (i > j) begin : rtlopt_seqred_0" in new, new
    assert "always_comb w[i][j] = ~w[j][i];" in new
    assert new.count("always_ff") == 1  # the original block stays, in the else arm


@pytest.mark.yosys
def test_matrix_not_complementary_is_left_alone(tmp_path):
    # both halves reset to 0: w[i][j] and w[j][i] are equal after reset, not complements -- and not
    # equal later either (a grant sets one and clears the other)
    assert _cands(tmp_path, ARB.replace("RESET", "1'b0")) == []


def test_pinning_keeps_multidimensional_packed_declaration_at_module_level():
    # Yosys can not size `w[j][i]` of a 2-D packed variable declared inside the pinned generate block
    from rtlopt.engine.parampin import pin_text

    old = ARB.replace("RESET", "(i < j)")
    new = old.replace("if (j != i && req[j]", "if (i != j && req[j]")
    out = pin_text(old, new, {"marb": {(("N", "3"),)}})
    assert out is not None
    head, _, rest = out.partition("begin : rtlopt_params_marb")
    assert "logic [N-1:0][N-1:0] w;" in head and "logic [N-1:0][N-1:0] w;" not in rest
    assert "if (i != j && req[j]" in rest and "if (j != i && req[j]" in rest  # both arms kept
