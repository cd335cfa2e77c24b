"""FSM front end on real coding styles: block-local variables (SV ``for (int k ...)``, variables
declared in begin/end blocks, ``automatic`` locals, compound ``+=`` / ``|=``), net declarations with
initializers (``wire w = expr;`` is a continuous assign the regeneration can take over) and shift
registers written bit by bit. Each machine is extracted, regenerated and proven with the real tools;
the near misses (a static block variable that carries state between clock edges, a local shadowing a
module signal, a function local written by a loop that is not modelled) must not be mis-modelled."""

from __future__ import annotations

import re
import sys

import pytest
import z3

from rtlopt.design import open_design
from rtlopt.fsm import plan
from rtlopt.fsm._candidates import design_with_text
from rtlopt.fsm._symbolic import UNK_PREFIX, analyze_body, var_names
from rtlopt.fsm.extract import extract
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

# the heldout thermometer FIFO style: SV popcount reader with a block-local loop variable and +=
THERMO_SV = """\
module occ #(parameter int DEPTH = 6, parameter int LW = 3) (
  input logic clk, input logic rst, input logic push, input logic pop,
  output logic full, output logic empty, output logic [LW-1:0] level);
  logic [DEPTH-1:0] therm;
  assign full = therm[DEPTH-1];
  assign empty = ~therm[0];
  always_ff @(posedge clk) begin
    if (rst) therm <= '0;
    else if (push && !full && !(pop && !empty)) therm <= {therm[DEPTH-2:0], 1'b1};
    else if (pop && !empty && !(push && !full)) therm <= {1'b0, therm[DEPTH-1:1]};
  end
  always_comb begin
    level = '0;
    for (int k = 0; k < DEPTH; k++) level += LW'(therm[k]);
  end
endmodule
"""

# next-state logic as a chain of wire initializers; the two 'seen 1' states behave alike
SEQDET_WIRE_V = """\
module seqdet_wire (input clk, input rst, input din, output hit);
  localparam [2:0] IDLE = 3'd0, G1 = 3'd1, G10 = 3'd2, G101 = 3'd3, G1011 = 3'd4, G1B = 3'd5;
  reg [2:0] state;
  wire seen1 = (state == G1) | (state == G1B) | (state == G1011);
  wire [2:0] on1 = (state == IDLE) ? G1 : seen1 ? ((state == G1B) ? G1 : G1B) :
                   (state == G10) ? G101 : (state == G101) ? G1011 : IDLE;
  wire [2:0] on0 = seen1 ? G10 : (state == G101) ? G10 : IDLE;
  wire [2:0] nxt = din ? on1 : on0;
  always @(posedge clk)
    if (rst) state <= IDLE;
    else state <= nxt;
  assign hit = (state == G1011);
endmodule
"""

# a wire initializer declared after the state register's block, read by a submodule: the new
# logic drives it, so it must come after that declaration
BUSY_AFTER_V = """\
module cnt_sink (input clk, input en, output reg [3:0] n);
  always @(posedge clk) n <= en ? n + 4'd1 : 4'd0;
endmodule
module busy_ctl (input clk, input rst, input start, input done, output [3:0] n);
  localparam [1:0] IDLE = 2'd0, RUN = 2'd1, WAIT = 2'd2, WAIT2 = 2'd3;
  reg [1:0] st;
  always @(posedge clk)
    if (rst) st <= IDLE;
    else case (st)
      IDLE: if (start) st <= RUN;
      RUN: st <= WAIT;
      WAIT: st <= done ? IDLE : WAIT2;
      default: st <= done ? IDLE : WAIT;
    endcase
  wire busy = st != IDLE;
  cnt_sink u_c (.clk(clk), .en(busy), .n(n));
endmodule
"""

# next state and two decodes in wire initializers, the decodes in one declaration statement
BUSY_MULTI_V = """\
module busy_multi (input clk, input rst, input start, input done, output busy_o, output idle_o);
  localparam [1:0] IDLE = 2'd0, RUN = 2'd1, WAIT = 2'd2, WAIT2 = 2'd3;
  reg [1:0] st;
  wire [1:0] nx = (st == IDLE) ? (start ? RUN : IDLE) :
                  (st == RUN) ? WAIT :
                  done ? IDLE : (st == WAIT ? WAIT2 : WAIT);
  always @(posedge clk)
    if (rst) st <= IDLE;
    else st <= nx;
  wire busy = st != IDLE, idle = st == IDLE;
  assign busy_o = busy;
  assign idle_o = idle;
endmodule
"""

# one-hot ring written bit by bit in a loop over an SV loop variable; the index is accumulated
# with |= in a variable declared in the block
PHASE_SV = """\
module phase6 (input logic clk, input logic rst_n, input logic step, output logic [2:0] idx, output logic last);
  logic [5:0] ph, ph_nx;
  always_comb begin
    ph_nx = ph;
    if (step) begin
      ph_nx = '0;
      for (int i = 0; i < 6; i++)
        if (ph[i]) ph_nx[(i + 1) % 6] = 1'b1;
    end
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) ph <= 6'b000001;
    else ph <= ph_nx;
  always_comb begin
    logic [2:0] acc;
    acc = '0;
    for (int i = 0; i < 6; i++) acc |= ph[i] ? 3'(i) : 3'd0;
    idx = acc;
  end
  assign last = ph[5];
endmodule
"""

# near miss: a static block variable of a clocked block keeps its value from one clock edge to
# the next (a hidden counter); the next state depends on it
HIDDEN_SV = """\
module hid (input logic clk, input logic rst, input logic go, output logic busy);
  logic [1:0] st;
  always_ff @(posedge clk) begin
    logic [1:0] wait_n;
    if (rst) st <= 2'd0;
    else case (st)
      2'd0: if (go) begin st <= 2'd1; wait_n = 2'd0; end
      2'd1: begin wait_n = wait_n + 2'd1; if (wait_n == 2'd3) st <= 2'd2; end
      default: st <= 2'd0;
    endcase
  end
  assign busy = st != 2'd0;
endmodule
"""


def _design(tmp_path, name, text, top=None):
    p = tmp_path / name
    p.write_text(text)
    return open_design(p, top=top) if top else open_design(p)


def _prove(design, p, timeout=120):
    gate = design_with_text(design, p.file, p.text)
    return check_equivalence(design, gate, VerifyOptions(timeout_s=timeout, state_map=p.state_map)).verdict


def _sem(design, module):
    ext = sys.modules["rtlopt.fsm.extract"]
    for name, body, _comp in ext._bodies(design):
        if name == module:
            return analyze_body(body, name, "", "")
    raise AssertionError(module)


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("name,text,top,n_states,n_after", [
    ("occ.sv", THERMO_SV, "occ", 7, 7),
    ("seqdet_wire.v", SEQDET_WIRE_V, "seqdet_wire", 6, 5),
    ("busy.v", BUSY_AFTER_V, "busy_ctl", 4, 3),
    ("busy_multi.v", BUSY_MULTI_V, "busy_multi", 4, 3),
    ("phase6.sv", PHASE_SV, "phase6", 6, 6),
])
def test_machine_is_extracted_regenerated_and_proven(tmp_path, name, text, top, n_states, n_after):
    d = _design(tmp_path, name, text, top)
    ex = extract(d)
    assert [len(f.reachable) for f in ex.fsms] == [n_states], (ex.rejections, ex.notes)
    fsm = ex.fsms[0]
    assert fsm.source.regen_blockers == []
    if name in ("occ.sv", "phase6.sv"):  # the loop readers are analysed: outputs of the machine
        assert {"level"} <= set(fsm.outputs) or {"idx"} <= set(fsm.outputs)
    plans, _ = plan(d, encodings=("binary",))
    assert plans
    p = plans[0]
    assert p.n_after == n_after
    if name == "seqdet_wire.v":  # the declarations stay, their initializers are now the machine's
        assert "wire [2:0] nxt;" in p.text and "wire seen1;" in p.text
    if name == "occ.sv":  # the binary codes are the level: a slice of the new register, not a case table
        assert re.search(r"\blevel = therm_q(\[2:0\])?;", p.text), p.text
    if name == "busy_multi.v":  # both declarators lose their initializer, the statement stays
        assert "wire busy, idle;" in p.text and "wire [1:0] nx;" in p.text
    if name == "busy.v":  # the new logic drives busy after its declaration
        assert p.text.index("wire busy;") < p.text.index("assign busy =")
    assert _prove(d, p) == Verdict.EQUIVALENT, p.description


def test_block_variables_are_unrolled_like_module_integers(tmp_path):
    # the SV popcount (int loop variable, +=) gives the same level as the Verilog integer loop
    d = _design(tmp_path, "occ.sv", THERMO_SV, "occ")
    sem = _sem(d, "occ")
    lvl = sem.comb["level"]
    t = sem.var("therm")
    pop = sum(z3.ZeroExt(2, z3.Extract(k, k, t)) for k in range(6))
    s = z3.Solver()
    s.add(lvl != pop)
    assert s.check() == z3.unsat
    assert "k" not in sem.signals and all("k" not in b.writes for b in sem.blocks)


def test_automatic_local_with_initializer_and_compound_assignment(tmp_path):
    d = _design(tmp_path, "auto.sv", """\
module auto_loc (input logic [3:0] a, input logic [3:0] b, output logic [3:0] y, output logic [3:0] z);
  always_comb begin
    automatic logic [3:0] t = a;
    t += b;
    t ^= 4'd5;
    y = t;
  end
  always_comb begin
    automatic int n;
    n += 3;
    z = 4'(n);
  end
endmodule
""", "auto_loc")
    sem = _sem(d, "auto_loc")
    a, b = sem.var("a"), sem.var("b")
    s = z3.Solver()
    s.add(z3.Or(sem.comb["y"] != (a + b) ^ 5, sem.comb["z"] != 3))  # an automatic int starts at 0
    assert s.check() == z3.unsat


def test_local_shadowing_a_module_signal_does_not_touch_it(tmp_path):
    d = _design(tmp_path, "shadow.sv", """\
module shadow (input logic [3:0] a, output logic [3:0] k, output logic [2:0] y);
  assign k = a;
  always_comb begin
    y = '0;
    for (int k = 0; k < 4; k++) y += 3'(a[k]);
  end
endmodule
""", "shadow")
    sem = _sem(d, "shadow")
    comb = [b for b in sem.blocks if b.kind == "comb"][0]
    assert comb.writes == {"y"} and "k" not in comb.reads
    assert str(sem.comb["k"]) == "a"


def test_function_local_written_by_an_unmodelled_loop_is_unknown(tmp_path):
    # the while loop is not executed: its local must read as unknown afterwards, not as the
    # value before the loop (0), in a function and in a named block alike
    d = _design(tmp_path, "fw.v", """\
module fw (input [3:0] a, output [3:0] y, output reg [3:0] z);
  function [3:0] f(input [3:0] x);
    reg [3:0] r;
    begin
      r = 0;
      while (r < x) r = r + 1;
      f = r;
    end
  endfunction
  assign y = f(a);
  always @(*) begin : b
    reg [3:0] acc;
    acc = 0;
    while (acc < a) acc = acc + 1;
    z = acc;
  end
endmodule
""", "fw")
    sem = _sem(d, "fw")
    for out in ("y", "z"):
        assert any(n.startswith(UNK_PREFIX) for n in var_names(sem.comb[out])), (out, sem.comb[out])


def test_static_block_variable_holding_state_across_edges_is_not_a_machine_input(tmp_path):
    d = _design(tmp_path, "hid.sv", HIDDEN_SV, "hid")
    ex = extract(d)
    assert ex.fsms == []
    assert any("static block variable 'wait_n'" in r.reason for r in ex.rejections), ex.rejections
    plans, _ = plan(d, encodings=("binary",))
    assert plans == []


def test_bit_level_shift_of_a_data_input_is_not_a_candidate(tmp_path):
    # near miss of the bit-by-bit ring: a bit of the next value is an input, not a constant
    d = _design(tmp_path, "sipo.sv", """\
module sipo (input logic clk, input logic rst, input logic din, output logic [5:0] q);
  logic [5:0] sr, nx;
  always_comb begin
    nx[0] = din;
    for (int i = 1; i < 6; i++) nx[i] = sr[i - 1];
  end
  always_ff @(posedge clk) if (rst) sr <= '0; else sr <= nx;
  assign q = sr;
endmodule
""", "sipo")
    assert extract(d).fsms == []


def test_output_is_a_code_slice_only_when_every_state_agrees(tmp_path):
    from rtlopt.fsm.encode import code_slice_outputs

    d = _design(tmp_path, "phase6.sv", PHASE_SV, "phase6")
    fsm = extract(d).fsms[0]
    # numbered like the index (a Moore output: the same in every transition of a state): idx is the code
    codes = {s: z3.simplify(fsm.out_of(s)[0].outputs["idx"][0]).as_long() for s in fsm.states}
    assert sorted(codes.values()) == list(range(6))
    assert code_slice_outputs(fsm, codes, 3) == {"idx": 0}
    assert code_slice_outputs(fsm, {s: c << 1 for s, c in codes.items()}, 4) == {"idx": 1}
    a, b = sorted(fsm.states)[:2]  # near miss: two states swapped, idx is no longer the code
    swapped = dict(codes)
    swapped[a], swapped[b] = codes[b], codes[a]
    assert code_slice_outputs(fsm, swapped, 3) == {}
