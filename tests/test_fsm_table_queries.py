"""The z3 table of a small machine with a wide datapath (issue 11): the validity checks per input
class, state and output bit are first tried on sampled inputs of the class and memoised, so a
3-state controller of a 64-bit register makes few z3 checks (verilog-axis
axis_frame_length_adjust, 4 states / 356 output bits: 28,448 checks, ~60 s, before), and the
table is the one the plain z3 checks give."""

from __future__ import annotations

from rtlopt.design import open_design
from rtlopt.fsm import extract
from rtlopt.fsm import model as M

WIDE = """
module wide_ctl (
  input clk, input rst, input go, input stop, input [1:0] mode,
  input [63:0] din, output reg [63:0] dout, output reg [63:0] hold, output reg busy
);
  localparam IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
  reg [1:0] st;
  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; dout <= 64'd0; hold <= 64'd0; busy <= 1'b0;
    end else begin
      case (st)
        IDLE: begin busy <= 1'b0; if (go) begin st <= RUN; hold <= din; end end
        RUN: begin
          busy <= 1'b1;
          dout <= (mode == 2'd3) ? (din ^ hold) : (mode == 2'd1 ? din : hold);
          if (stop) st <= DONE;
        end
        DONE: begin busy <= 1'b0; dout <= hold; st <= IDLE; end
        default: st <= IDLE;
      endcase
    end
  end
endmodule
"""


def _machine(tmp_path):
    src = tmp_path / "wide_ctl.v"
    src.write_text(WIDE)
    ex = extract(open_design([src], "wide_ctl"))
    assert len(ex.fsms) == 1
    return ex.fsms[0]


def _canon(tb: M.Table):
    return (tb.states, tb.reset, [c.sexpr() for c in tb.classes], tb.out_bits, sorted(tb.entries.items()),
            sorted((k, [r.sexpr() for r in v]) for k, v in tb.reps.items()),
            sorted((k, None if t is None else (t.src, t.dst, t.guard.sexpr())) for k, t in tb.trans.items()))


def test_wide_datapath_table_makes_few_z3_checks(tmp_path):
    fsm = _machine(tmp_path)
    n_bits = sum(fsm.outputs.values())
    assert n_bits >= 128  # the datapath registers are outputs of the machine
    states = list(fsm.reachable)
    q0 = M._Under.queries
    tb = fsm._table_z3(states, 4096)
    made = M._Under.queries - q0
    lookups = tb.n_classes * len(states) * n_bits
    # one check per class for its sample model, then only what no sample refutes and no memo answers
    assert made <= 8 * tb.n_classes + 40, (made, lookups)
    # the datapath bits are told apart per class: din and hold bits are not constant where they are stored
    assert any(i is not None and i >= 2 for _n, ids in tb.entries.values() if ids for i in ids)


def test_wide_datapath_table_equals_plain_z3(tmp_path, monkeypatch):
    """Sampling and memo only answer queries z3 would answer the same way: the table is identical
    to the one built with every check sent to z3."""
    fsm = _machine(tmp_path)
    states = list(fsm.reachable)
    fast = _canon(fsm._table_z3(states, 4096))
    monkeypatch.setattr(M, "_probe_for", lambda *a, **k: None)
    q0 = M._Under.queries
    plain = _canon(fsm._table_z3(states, 4096))
    assert M._Under.queries - q0 > 200  # (without samples the same table costs many more checks)
    assert fast == plain


def test_minimization_limit_covers_the_z3_table(tmp_path):
    """The z3 table stops at the minimization's time limit (ValueError, as past max_classes; the
    optimizer then skips the machine with that reason) instead of running past it."""
    import pytest

    from rtlopt.fsm import minimize

    fsm = _machine(tmp_path)
    q0 = M._Under.queries
    with pytest.raises(ValueError, match="time limit"):
        minimize(fsm, timeout_s=0.0)
    assert M._Under.queries == q0  # stopped before any validity check
    m = minimize(fsm)  # the default limit: built, nothing to merge (IDLE/RUN/DONE differ on busy/dout)
    assert m.n_after == m.n_before == 3
