"""A captured copy read only while it equals its source is read as the source (rtlopt.semantic.obsread):
a snapshot of a frozen count, a latch of a halted channel's count in a sibling module. Pairs come from
the syntax (``R <= S`` under a load condition, in the module or through a child's ports); the search
generator offers a pair only when a simulation from reset agrees, and the proof decides. Near misses: a
copy read while its source still moves, a source that changes while its copy is read, a copy whose
valid flag is set a cycle after the capture while the source has moved on; a plain delay (``state <=
next``) is not a capture."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rtlopt.semantic.obsread import rewrites

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "obsread"
SNAP = GEN / "snap_freeze_sv" / "original.sv"
MASK = GEN / "cap_mask_v" / "original.v"


def _offers(text: str, name: str = "t.v") -> list[tuple[str, str]]:
    p = Path(name)
    return [(nt[p], d) for nt, d in rewrites({p: text})]


def _generated(tmp_path: Path, text: str, top: str, suffix: str) -> list:
    from rtlopt.design import open_design
    from rtlopt.engine.search import State
    from rtlopt.semantic.obsread import obsread_candidates
    f = tmp_path / f"d{abs(hash(text)) % 10**8}{suffix}"
    f.write_text(text)
    d = open_design([f], top)
    st = State(d, {d.files[0]: text}, "area", None, 0, None, time.monotonic() + 120)
    return obsread_candidates(st)


def _equivalent(tmp_path: Path, src: str, text: str, top: str, suffix: str) -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / f"orig{suffix}"
    f.write_text(src)
    g = tmp_path / f"cand{suffix}"
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return str(res.verdict).split(".")[-1].upper() == "EQUIVALENT"


def test_pairs_from_the_syntax():
    got = _offers(SNAP.read_text(), "a.sv")
    assert len(got) == 1 and "t_copy -> t" in got[0][1]
    new = got[0][0]
    assert "shown = t;" in new and "t_copy <= t;" in new  # the read changes, the capture stays (dead)
    got = _offers(MASK.read_text())
    # both channels together first, then each alone; the child's own hold arm (q <= take ? d : q) is
    # not a read of the copy
    assert [d.split("(")[1].split(";")[0] for _n, d in got] == ["q0 -> n0, q1 -> n1", "q0 -> n0", "q1 -> n1"]
    assert "& n0) | ({10{ok1 & ch}} & n1)" in got[0][0] and ".q(q0)" in got[0][0]


def test_delays_and_unguarded_copies_not_offered():
    delay = """module d (input clk, input rst, input [3:0] nxt, output [3:0] o);
  reg [3:0] state;
  always @(posedge clk) if (rst) state <= 4'd0; else state <= nxt;
  assign o = state;
endmodule
"""
    assert _offers(delay) == []
    # a capture never read (only through an instance port) is left alone too
    unread = """module c (input clk, input rst, input en, input [3:0] s, output [3:0] o);
  reg [3:0] r;
  always @(posedge clk) if (rst) r <= 4'd0; else if (en) r <= s;
  sink u (.a(r), .y(o));
endmodule
"""
    assert _offers(unread) == []


@pytest.mark.yosys
def test_frozen_copy_offered_and_proven(tmp_path):
    src = SNAP.read_text()
    got = _generated(tmp_path, src, "lap_timer", ".sv")
    assert len(got) == 1
    assert _equivalent(tmp_path, src, got[0].text, "lap_timer", ".sv")


@pytest.mark.yosys
def test_sibling_latch_offered_and_proven(tmp_path):
    src = MASK.read_text()
    got = _generated(tmp_path, src, "tally2", ".v")
    assert len(got) >= 1 and "q0 -> n0, q1 -> n1" in got[0].description
    assert _equivalent(tmp_path, src, got[0].text, "tally2", ".v")


@pytest.mark.yosys
def test_near_misses_refused_by_simulation(tmp_path):
    src = SNAP.read_text()
    # the copy is read while the count runs on
    running = src.replace("1'b1:    shown = t_copy;\n      default: shown = '0;",
                          "1'b1:    shown = t_copy;\n      default: shown = t_copy;")
    assert running != src and len(_offers(running, "r.sv")) == 1
    assert _generated(tmp_path, running, "lap_timer", ".sv") == []
    # the source moves while its copy is read (the count keeps ticking when frozen)
    moving = src.replace("      end else if (resume) begin\n        frozen <= 1'b0;\n      end",
                         "      end else begin\n        if (resume) frozen <= 1'b0;\n        if (tick) t <= t + 1'b1;\n"
                         "      end")
    assert moving != src and len(_offers(moving, "m.sv")) == 1
    assert _generated(tmp_path, moving, "lap_timer", ".sv") == []
    # the valid flag is set one cycle after the capture, when the count has already moved on
    late = MASK.read_text().replace(
        "ok <= arm ? 1'b0 : (take ? 1'b1 : ok);",
        "ok <= arm ? 1'b0 : (take_q ? 1'b1 : ok);\n      take_q <= take;").replace(
        "wire take = halt & on & ~arm;", "wire take = halt & on & ~arm;\n  reg take_q;").replace(
        "else if (halt) on <= 1'b0;", "else if (halt) on <= on;")
    assert "take_q" in late and len(_offers(late)) == 3
    assert _generated(tmp_path, late, "tally2", ".v") == []


HOLD = GEN / "hold_valid_sv" / "original.sv"


@pytest.mark.yosys
def test_flagged_load_guard_dropped_and_proven(tmp_path):
    src = HOLD.read_text()
    got = [c for c in _generated(tmp_path, src, "sample_stage", ".sv") if "load guard" in c.description]
    assert len(got) == 1 and "read only under vld" in got[0].description
    assert "if (strobe)" not in got[0].text and "smp <= adc;" in got[0].text
    assert _equivalent(tmp_path, src, got[0].text, "sample_stage", ".sv")


@pytest.mark.yosys
def test_flagged_load_near_misses(tmp_path):
    src = HOLD.read_text()
    # the sample is also read outside the flag: offered by the syntax, refused by the simulation
    leak = src.replace("always_comb q = vld ? smp : 12'h000;", "always_comb q = smp;")
    assert leak != src and any("load guard" in d for _n, d in _offers(leak, "l.sv"))
    assert not [c for c in _generated(tmp_path, leak, "sample_stage", ".sv") if "load guard" in c.description]
    # the valid flag is set one cycle late (the read flag is a delayed copy of the load's record): the
    # syntax offers it (st_d registers the strobe), the simulation refuses it (the sample moved on)
    late = src.replace("      vld <= strobe;\n", "      vld <= st_d;\n      st_d <= strobe;\n").replace(
        "  logic vld;\n", "  logic vld, st_d;\n")
    assert "st_d" in late and any("load guard" in d for _n, d in _offers(late, "t.sv"))
    assert not [c for c in _generated(tmp_path, late, "sample_stage", ".sv") if "load guard" in c.description]


_CASE_READ = """  always_comb begin
    case (frozen)
      1'b1:    shown = t_copy;
      default: shown = '0;
    endcase
  end"""


@pytest.mark.parametrize("old,new", [
    (_CASE_READ, "  assign shown = {W{frozen}} & t_copy;"),                       # AND mask
    (_CASE_READ, "  always @* begin\n    shown = '0;\n    if (frozen) shown = t_copy;\n  end"),  # if
    ("          t_copy <= t;\n", "          t_copy <= lap ? t : t_copy;\n"),      # ?: capture
])
def test_restyled_snapshot_still_found(old, new):
    src = SNAP.read_text()
    text = src.replace(old, new)
    assert text != src
    got = _offers(text, "r.sv")
    assert [d for _n, d in got if "t_copy -> t" in d]


def test_source_computed_from_the_copy_not_offered():
    # a round-robin pointer: win is computed from last, so reading win for last would close a loop
    loop = """module rr (input clk, input rst, input [1:0] req, output [1:0] g);
  reg last;
  wire win = req[~last] ? ~last : last;
  always @(posedge clk) if (rst) last <= 1'b0; else if (|req) last <= win;
  assign g = (|req) ? (2'b01 << last) : 2'b00;
endmodule
"""
    assert _offers(loop) == []
    assert _offers(loop.replace("wire win = req[~last] ? ~last : last;", "wire win = req[1];")) != []
