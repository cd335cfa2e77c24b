"""Registers that are a function of other registers (rtlopt.semantic.regfunc): finder, proof, edits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys


def _run(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import regfunc

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, top)
    assert an.error is None, an.error
    return an, p, regfunc.candidates_for({p: text}, top)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new.v"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


# separate always blocks, 8 bits, an arbitrary start value: left == 200 - used
SPLIT_COUNTERS = """
module credit(input clk, input rst_n, input take, input load, output [7:0] used_o, output low);
  reg [7:0] used;
  reg [7:0] left;
  wire go = take && left != 8'd0;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) used <= 8'd0;
    else if (load) used <= 8'd0;
    else if (go) used <= used + 8'd1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) left <= 8'd200;
    else if (load) left <= 8'd200;
    else if (go) left <= left - 8'd1;
  assign used_o = used;
  assign low = left < 8'd5;
endmodule
"""


def test_split_counters_one_becomes_function_of_the_other(tmp_path):
    an, p, cands = _run(tmp_path, SPLIT_COUNTERS, "credit")
    rels = {(r.target, r.base, r.k, r.sign) for r in an.relations}
    assert ("left", "used", 200, -1) in rels
    new = [n[p] for n, d in cands if "'left' == 200 - used" in d]
    assert new
    assert "always @* left = 8'd200 - used;" in new[0]
    assert "left <= left - 8'd1" not in new[0] and "used <= used + 8'd1" in new[0]
    assert _verify(tmp_path, p, new[0], "credit") == 0


# different widths, next state through a wire and a ternary, port wires aliasing the registers
MIXED = """
module burst2(input clk, input rst_n, input start, input beat,
              output [4:0] beat_idx, output [3:0] left, output last);
  reg [4:0] idx_q;
  reg [3:0] left_q;
  reg busy;
  wire step = busy & beat;
  wire [3:0] left_d = start & ~busy ? 4'hF : (step ? left_q - 1'b1 : left_q);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) idx_q <= 5'd0;
    else if (start && !busy) idx_q <= 5'd0;
    else if (step) idx_q <= idx_q + 5'd1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) left_q <= 4'hF;
    else left_q <= left_d;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) busy <= 1'b0;
    else if (start && !busy) busy <= 1'b1;
    else if (step && left_q == 4'd0) busy <= 1'b0;
  assign beat_idx = idx_q;
  assign left = left_q;
  assign last = busy & (left_q == 4'd0);
endmodule
"""


def test_mixed_widths_modulo_the_target(tmp_path):
    an, p, cands = _run(tmp_path, MIXED, "burst2")
    # (regfd's tables come on top: idx_q is a table of left_q and busy)
    assert [(r.target, r.base, r.k, r.sign) for r in an.relations
            if r.op not in ("tt", "ttz", "ttm")] == [("left_q", "idx_q", 15, -1)]
    new = cands[0][0][p]
    assert "always @* left_q = ~idx_q;" in new and "left_q <= left_d" not in new


# occupancy over separate 1-bit valid registers, the counter updated through a case statement
OCC_BITS = """
module occ5(input clk, input rst, input vin, output vout, output [2:0] cnt_o);
  reg v0, v1, v2, v3, v4;
  reg [2:0] cnt;
  always @(posedge clk) begin
    if (rst) begin v0 <= 0; v1 <= 0; v2 <= 0; v3 <= 0; v4 <= 0; end
    else begin v0 <= vin; v1 <= v0; v2 <= v1; v3 <= v2; v4 <= v3; end
  end
  always @(posedge clk) begin
    if (rst) cnt <= 3'd0;
    else case ({vin, v4})
      2'b10: cnt <= cnt + 3'd1;
      2'b01: cnt <= cnt - 3'd1;
      default: cnt <= cnt;
    endcase
  end
  assign vout = v4;
  assign cnt_o = cnt;
endmodule
"""


def test_count_of_valid_bits_becomes_a_sum(tmp_path):
    an, p, cands = _run(tmp_path, OCC_BITS, "occ5")
    rel = [r for r in an.relations if r.target == "cnt"]
    assert rel and rel[0].base is None and len(rel[0].bits) == 5 and rel[0].k == 0
    new = cands[0][0][p]
    assert "always @* cnt = " in new and "cnt <= cnt + 3'd1" not in new
    assert _verify(tmp_path, p, new, "occ5") == 0


# look-alikes: other enable, other step, a count that misses one case -> nothing proven
LOOKALIKE = """
module near(input clk, input rst, input a, input b, input vin, output [3:0] x, output [3:0] y, output [2:0] z);
  reg [3:0] up, dn;
  reg [2:0] c;
  reg [2:0] v;
  always @(posedge clk) begin
    if (rst) begin up <= 0; dn <= 4'd15; c <= 0; v <= 0; end
    else begin
      if (a) up <= up + 4'd1;
      if (a && b) dn <= dn - 4'd1;
      v <= {v[1:0], vin};
      if (vin && !v[2]) c <= c + 3'd1;
    end
  end
  assign x = up; assign y = dn; assign z = c;
endmodule
"""


def test_lookalikes_are_not_related(tmp_path):
    an, _p, cands = _run(tmp_path, LOOKALIKE, "near")
    assert an.relations == [] and cands == []


# status flags kept as registers next to the count: full == (cnt == 10) needs the range cnt <= 10
FLAGS = """
module fifo_ctl(input clk, input rst, input push, input pop, output reg full, output reg empty,
                output [3:0] level);
  reg [3:0] cnt;
  wire do_push = push && !full;
  wire do_pop = pop && !empty;
  always @(posedge clk) begin
    if (rst) begin cnt <= 0; full <= 1'b0; empty <= 1'b1; end
    else if (do_push && !do_pop) begin
      cnt <= cnt + 4'd1; empty <= 1'b0; full <= (cnt == 4'd9);
    end else if (do_pop && !do_push) begin
      cnt <= cnt - 4'd1; full <= 1'b0; empty <= (cnt == 4'd1);
    end
  end
  assign level = cnt;
endmodule
"""


def test_flags_become_comparisons_of_the_count(tmp_path):
    an, p, cands = _run(tmp_path, FLAGS, "fifo_ctl")
    rels = {(r.target, r.op, r.k) for r in an.relations}
    assert rels == {("empty", "eq", 0), ("full", "eq", 10)}
    new = cands[0][0][p]
    assert "always @* full = (cnt == 4'd10);" in new and "always @* empty = (cnt == 4'd0);" in new
    assert "full <=" not in new and "empty <=" not in new
    assert "if (rst) begin cnt <= 0; end" in new
    assert _verify(tmp_path, p, new, "fifo_ctl") == 0


# the counter inside a module instantiated twice: the edit is made once, in the module, for both copies
HIER = """
module occ_core(input clk, input rst, input vin, output vout, output reg [2:0] n);
  reg [3:0] v;
  always @(posedge clk)
    if (rst) v <= 0; else v <= {v[2:0], vin};
  assign vout = v[3];
  always @(posedge clk)
    if (rst) n <= 0;
    else if (vin & ~v[3]) n <= n + 3'd1;
    else if (~vin & v[3]) n <= n - 3'd1;
endmodule
module top2(input clk, input rst, input a, input b, output ya, output yb, output [2:0] na, output [2:0] nb);
  occ_core ua(.clk(clk), .rst(rst), .vin(a), .vout(ya), .n(na));
  occ_core ub(.clk(clk), .rst(rst), .vin(b), .vout(yb), .n(nb));
endmodule
"""


def test_relation_inside_repeated_instances(tmp_path):
    from rtlopt.semantic import regfunc

    an, p, cands = _run(tmp_path, HIER, "top2")
    assert len(an.relations) == 2
    new = cands[0][0][p]
    assert new.count("always @* n = v[0] + v[1] + v[2] + v[3];") == 1 and "n <= n + 3'd1" not in new
    # one instance's relation alone cannot edit the shared module
    one = regfunc.localize(an.relations[0], regfunc._all_registers(an.net), an.regs)
    assert one and regfunc.emit({p: HIER}, "top2", one) is None


# a flag set when a counter reaches a threshold random simulation never reaches (kick at random):
# the threshold comes from the source constants, the proof decides
TIMEOUT = """
module tmo(input clk, input rst, input kick, output reg expired, output [11:0] t_o);
  parameter LIMIT = 12'd2500;
  reg [11:0] t;
  always @(posedge clk)
    if (rst || kick) t <= 12'd0;
    else if (t != LIMIT) t <= t + 1'b1;
  always @(posedge clk)
    if (rst || kick) expired <= 1'b0;
    else if (t == LIMIT - 1) expired <= 1'b1;
  assign t_o = t;
endmodule
"""


def test_unreached_threshold_flag_becomes_a_comparison(tmp_path):
    an, p, cands = _run(tmp_path, TIMEOUT, "tmo")
    assert ("expired", "eq", 2500) in {(r.target, r.op, r.k) for r in an.relations}
    new = [n[p] for n, d in cands if "(t == 2500)" in d]
    assert new and "always @* expired = (t == 12'd2500);" in new[0] and "expired <=" not in new[0]
    assert _verify(tmp_path, p, new[0], "tmo") == 0


def test_sticky_flag_is_not_a_comparison(tmp_path):
    # the same flag not cleared by kick: it agrees with t == 2500 on every sample (never set there),
    # but the induction refutes it
    sticky = TIMEOUT.replace("if (rst || kick) expired", "if (rst) expired")
    an, _p, cands = _run(tmp_path, sticky, "tmo")
    assert not [r for r in an.relations if r.target == "expired"]
    assert not [d for _n, d in cands if "'expired'" in d]


# occupancy kept next to two pointers (case on {w, r}, pointers in their own blocks): count == wp - rp
POINTERS = """
module q8(input clk, input rst_n, input push, input pop, output reg [3:0] count, output reg has_data,
          output [3:0] wa, output [3:0] ra);
  reg [3:0] wp, rp;
  wire w = push && count != 4'd8;
  wire r = pop && has_data;
  always @(posedge clk or negedge rst_n) if (!rst_n) wp <= 4'd0; else if (w) wp <= wp + 1'b1;
  always @(posedge clk or negedge rst_n) if (!rst_n) rp <= 4'd0; else if (r) rp <= rp + 1'b1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin count <= 4'd0; has_data <= 1'b0; end
    else case ({w, r})
      2'b10: begin count <= count + 1'b1; has_data <= 1'b1; end
      2'b01: begin count <= count - 1'b1; has_data <= (count != 4'd1); end
      default: ;
    endcase
  assign wa = wp;
  assign ra = rp;
endmodule
"""


def test_count_becomes_difference_of_pointers(tmp_path):
    an, p, cands = _run(tmp_path, POINTERS, "q8")
    rels = {(r.target, r.base, r.base2, r.op, r.k) for r in an.relations}
    assert ("count", "wp", "rp", "add", 0) in rels
    new = cands[0][0][p]
    assert "always @* count = (wp - rp);" in new and "count <=" not in new
    assert "has_data <=" not in new and "always @* has_data = " in new and "wp <= wp + 1'b1" in new
    assert _verify(tmp_path, p, new, "q8") == 0


def test_count_with_its_own_clear_is_not_a_difference(tmp_path):
    # a clear input empties the count but not the pointers
    text = POINTERS.replace("module q8(input clk,", "module q8(input clr, input clk,").replace(
        "    else case ({w, r})", "    else if (clr) count <= 4'd0;\n    else case ({w, r})")
    an, _p, _c = _run(tmp_path, text, "q8")
    assert not [r for r in an.relations if r.target == "count" or r.base2]


# a one-hot copy of an index kept in its own register: rotated (word style) or set by a loop of compares
ROT_ONEHOT = """
module rot8(input clk, input rst, input step, input [7:0] d, output reg bitout, output [2:0] idx);
  reg [2:0] sel;
  reg [7:0] sel_oh;
  always @(posedge clk)
    if (rst) begin sel <= 3'd0; sel_oh <= 8'b0000_0001; end
    else if (step) begin sel <= sel + 3'd1; sel_oh <= {sel_oh[6:0], sel_oh[7]}; end
  always @(posedge clk) bitout <= rst ? 1'b0 : |(d & sel_oh);
  assign idx = sel;
endmodule
"""

LOOP_ONEHOT = """
module pick(input clk, input rst_n, input [3:0] req, output reg [3:0] gnt_oh, output reg [1:0] gnt_ix);
  reg [1:0] nix;
  integer i;
  always @* begin
    nix = gnt_ix;
    for (i = 3; i >= 0; i = i - 1)
      if (req[i]) nix = i;
  end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin gnt_ix <= 2'd2; gnt_oh <= 4'b0100; end
    else begin
      gnt_ix <= nix;
      for (i = 0; i < 4; i = i + 1) gnt_oh[i] <= (nix == i);
    end
endmodule
"""


@pytest.mark.parametrize("text,top,target,base,line", [
    (ROT_ONEHOT, "rot8", "sel_oh", "sel", "always @* sel_oh = 8'd1 << sel;"),
    (LOOP_ONEHOT, "pick", "gnt_oh", "gnt_ix", "always @* gnt_oh = 4'd1 << gnt_ix;"),
])
def test_onehot_register_becomes_decode_of_index(tmp_path, text, top, target, base, line):
    an, p, cands = _run(tmp_path, text, top)
    assert (target, "dec", base) in {(r.target, r.op, r.base) for r in an.relations}
    new = [n[p] for n, d in cands if f"'{target}' == 1 << {base}" in d]
    assert new and line in new[0] and f"{target} <=" not in new[0]
    assert _verify(tmp_path, p, new[0], top) == 0


def test_onehot_rotating_the_other_way_is_not_a_decode(tmp_path):
    text = ROT_ONEHOT.replace("sel_oh <= {sel_oh[6:0], sel_oh[7]}", "sel_oh <= {sel_oh[0], sel_oh[7:1]}")
    an, _p, _c = _run(tmp_path, text, "rot8")
    assert not [r for r in an.relations if r.op == "dec"]


def test_onehot_becomes_decode_of_an_unread_index(tmp_path):
    # the binary index is only written (its flops are unread): the netlist is looked at again with
    # unread flops kept, and the 8-flop one-hot becomes the decode of the 3-bit index
    text = ROT_ONEHOT.replace(", output [2:0] idx", "").replace("  assign idx = sel;\n", "")
    an, p, cands = _run(tmp_path, text, "rot8")
    assert ("sel_oh", "dec", "sel") in {(r.target, r.op, r.base) for r in an.relations}
    new = [n[p] for n, d in cands if "'sel_oh' == 1 << sel" in d]
    assert new and "always @* sel_oh = 8'd1 << sel;" in new[0] and "sel <= sel + 3'd1" in new[0]
    assert _verify(tmp_path, p, new[0], "rot8") == 0
    # a variant keeps the index's binary encoding through synthesis (the FSM engine's attribute)
    kept = [n[p] for n, d in cands if d.endswith("(index encoding kept)")]
    assert kept and '  (* fsm_encoding = "none" *) reg [2:0] sel;' in kept[0]
