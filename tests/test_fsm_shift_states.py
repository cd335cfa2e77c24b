"""A shift register loaded only with constants (thermometer, ring) is extracted as a state machine
(its reachable values from reset are few); when code outside the machine still reads the old
register, the regeneration drives it from the new state (a decode), and the result is proven."""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.fsm import plan
from rtlopt.fsm._candidates import design_with_text
from rtlopt.fsm.extract import extract
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

THERMO_V = """\
module occ (clk, rst, up, dn, hi, lvl);
  input clk, rst, up, dn;
  output hi;
  output reg [2:0] lvl;
  reg [3:0] t;
  integer k;
  always @(posedge clk)
    if (rst) t <= 4'b0000;
    else if (up & ~dn & ~t[3]) t <= {t[2:0], 1'b1};
    else if (dn & ~up & t[0]) t <= {1'b0, t[3:1]};
  assign hi = t[3];
  always @(*) begin : cnt
    lvl = 3'd0;
    for (k = 0; k < 4; k = k + 1) lvl = lvl + t[k];
  end
endmodule
"""

RING_SV = """\
module ring (input logic clk, input logic rst_n, input logic adv, output logic [1:0] slot);
  logic [3:0] r;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) r <= 4'b0001;
    else if (adv) r <= {r[2:0], r[3]};
  always_comb begin
    slot = 2'd0;
    for (int i = 0; i < 4; i++) if (r[i]) slot = 2'(i);
  end
endmodule
"""

# the same ring read through a sensitivity list of bit selects, which the symbolic executor does
# not analyse (an unanalysed reader of the state register)
RING_EVENTS_SV = """\
module ring (input logic clk, input logic rst_n, input logic adv, output logic [1:0] slot);
  logic [3:0] r;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) r <= 4'b0001;
    else if (adv) r <= {r[2:0], r[3]};
  always @(r[0] or r[1] or r[2] or r[3]) slot = {r[3] | r[2], r[3] | r[1]};
endmodule
"""

# near miss: the shift register takes a data input, so its values are not a few constants
SERIAL_V = """\
module sipo (input clk, input rst, input din, output [7:0] q);
  reg [7:0] sr;
  always @(posedge clk) if (rst) sr <= 8'd0; else sr <= {sr[6:0], din};
  assign q = sr;
endmodule
"""


def _design(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return open_design(p)


def _prove(design, p, timeout=120):
    gate = design_with_text(design, p.file, p.text)
    return check_equivalence(design, gate, VerifyOptions(timeout_s=timeout, state_map=p.state_map)).verdict


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("name,text,n,decoded", [("thermo.v", THERMO_V, 5, False), ("ring.sv", RING_SV, 4, False),
                                                  ("ring_events.sv", RING_EVENTS_SV, 4, True)])
def test_constant_loaded_shift_register_is_a_machine_and_its_regeneration_is_proven(tmp_path, name, text, n,
                                                                                     decoded):
    d = _design(tmp_path, name, text)
    ex = extract(d)
    assert [len(f.reachable) for f in ex.fsms] == [n]
    plans, _ = plan(d, encodings=("binary",))
    assert plans
    reg = ex.fsms[0].state_reg
    for p in plans[:2]:
        # Verilog loop and SV loop (block-local loop variable): analysed as a Moore output of the
        # machine; an event list on bit selects (not analysed): it still reads the old register, which is decoded from
        # the new state, and the states it tells apart are not merged
        assert (f"{reg} is read outside the machine" in p.text) == decoded
        assert p.n_after == n
        assert _prove(d, p) == Verdict.EQUIVALENT, p.description


@pytest.mark.yosys
def test_shift_register_with_a_data_input_is_not_a_machine(tmp_path):
    d = _design(tmp_path, "sipo.v", SERIAL_V)
    assert extract(d).fsms == []


@pytest.mark.yosys
def test_no_decode_when_nothing_outside_reads_the_state(tmp_path):
    d = _design(tmp_path, "ring_out.v", """\
module ring2 (input clk, input rst, input adv, output a, output b);
  reg [2:0] r;
  always @(posedge clk) if (rst) r <= 3'b001; else if (adv) r <= {r[1:0], r[2]};
  assign a = r[0];
  assign b = r[2];
endmodule
""")
    plans, _ = plan(d, encodings=("binary",))
    assert plans and all("read outside the machine" not in p.text for p in plans)
    assert _prove(d, plans[0]) == Verdict.EQUIVALENT


@pytest.mark.yosys
def test_check_claims_no_minimization_when_an_unanalysed_block_reads_the_state(tmp_path):
    from rtlopt.fsm.encode import read_outside_machine

    d = _design(tmp_path, "ring_events.sv", RING_EVENTS_SV)
    fsm = extract(d).fsms[0]
    assert read_outside_machine(fsm)  # the block with an expression event list (not analysed) reads r
    d2 = _design(tmp_path, "thermo.v", THERMO_V)
    assert not read_outside_machine(extract(d2).fsms[0])  # the Verilog loop is part of the machine
    d3 = _design(tmp_path, "ring.sv", RING_SV)
    assert not read_outside_machine(extract(d3).fsms[0])  # so is the SV loop with its local variable
