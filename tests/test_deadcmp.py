"""Dead compares (rtlopt.semantic.deadcmp): a comparison whose value never matters in a run from reset of
the whole design becomes a constant -- a timeout a sibling's bounded latency never lets expire, a
watchdog a periodic kick keeps below its limit. Found by simulating the flattened design with each
comparison's output stuck at 0/1 (a probed Yosys load), proven by the verifier from reset. Near misses: a
responder that can stall for as long as its input says (the long run with held inputs reaches the limit),
a limit the counter reaches one cycle before the answer (the timeout fires)."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from rtlopt.semantic import deadcmp

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "dead_timeout"
POLL = GEN / "poll_v" / "original.v"
WDOG = GEN / "watchdog_sv" / "original.sv"

pytestmark = pytest.mark.yosys


def _dead(text: str, top: str, name: str = "t.v") -> dict[str, int]:
    """{compare text: constant} of the dead compares found."""
    p = Path(name)
    sites, _net = deadcmp.dead_sites({p: text}, top, timeout_s=120)
    return {" ".join(text[a:b].split()): v for (_p, a, b), v in sites}


def _equivalent(tmp_path: Path, src: str, text: str, top: str, suffix: str) -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / f"orig{suffix}"
    f.write_text(src)
    g = tmp_path / f"cand{suffix}"
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top),
                            VerifyOptions(timeout_s=240, engines=deadcmp.PROOF_ENGINES))
    return str(res.verdict).split(".")[-1].upper() == "EQUIVALENT"


# the poll master of POLL with the register unit made to wait for a device-ready input (any stall)
_STALL_UNIT = """
module reg_unit (
  input clk, input rst_n, input rq, input [3:0] rq_addr, input [15:0] bank_in, input dev_rdy,
  output reg rsp_vld, output reg [15:0] rsp_data
);
  reg pend;
  reg [3:0] a;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      pend <= 1'b0; a <= 4'd0; rsp_vld <= 1'b0; rsp_data <= 16'd0;
    end else begin
      rsp_vld <= 1'b0;
      if (rq && !pend) begin pend <= 1'b1; a <= rq_addr; end
      else if (pend && dev_rdy) begin pend <= 1'b0; rsp_vld <= 1'b1; rsp_data <= bank_in ^ {12'd0, a}; end
    end
  end
endmodule

module rd_top (
  input clk, input rst_n, input go, input [3:0] addr, input [15:0] bank, input rdy,
  output [15:0] value, output ready, output error
);
  wire rq, vld;
  wire [3:0] ra;
  wire [15:0] rd;
  rd_master #(.CW(9), .LIMIT(9'd300)) u_master (.clk(clk), .rst_n(rst_n), .start(go), .addr_in(addr),
    .rsp_vld(vld), .rsp_data(rd), .rq(rq), .rq_addr(ra), .word(value), .done(ready), .tmo_err(error));
  reg_unit u_regs (.clk(clk), .rst_n(rst_n), .rq(rq), .rq_addr(ra), .bank_in(bank), .dev_rdy(rdy),
    .rsp_vld(vld), .rsp_data(rd));
endmodule
"""


def _master_only(text: str) -> str:
    return text[:text.index("module reg_unit")]


def test_sibling_latency_kills_the_timeout(tmp_path):
    src = POLL.read_text()
    dead = _dead(src, "rd_top")
    assert dead.get("cnt >= LIMIT") == 0
    assert dead.get("s == S_FAIL") == 0  # the error state is never entered
    got = deadcmp.candidates({Path("t.v"): src}, "rd_top", timeout_s=120)
    assert got and "cnt >= LIMIT" in got[0][1]
    single = deadcmp.apply({Path("t.v"): src}, [((Path("t.v"), src.index("cnt >= LIMIT"),
                                                  src.index("cnt >= LIMIT") + len("cnt >= LIMIT")), 0)])
    assert "else if (1'b0)  s_nx = S_FAIL;" in single[Path("t.v")]
    assert _equivalent(tmp_path, src, single[Path("t.v")], "rd_top", ".v")


def test_watchdog_kicked_by_the_step_sequencer():
    dead = _dead(WDOG.read_text(), "motor_ctl", "w.sv")
    assert dead.get("wd == WD_LIMIT[WD_W-1:0]") == 0
    assert "setpoint > sensed" not in dead and "phase == 2'd3" not in dead


def test_inline_responder_sv_one_process():
    """The same master as one SV process with an enum and the responder's latency counter inline; the
    timeout read through a continuous assignment (restyle)."""
    sv = """module link_ctl #(parameter int LIM = 200) (
  input  logic clk, input logic rst_n, input logic go, input logic [1:0] dly,
  output logic busy, output logic fail, output logic ok
);
  typedef enum logic [1:0] {IDLE, WAIT, ERR} st_t;
  st_t st;
  logic [7:0] tmr;
  logic [2:0] lat;    // the responder: answers after dly + 1 cycles
  logic       ans;
  wire expired = (tmr >= LIM[7:0]);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; tmr <= '0; lat <= '0; ans <= 1'b0; busy <= 1'b0; fail <= 1'b0; ok <= 1'b0;
    end else begin
      ans <= 1'b0; ok <= 1'b0;
      if (lat != 3'd0) begin lat <= lat - 3'd1; ans <= (lat == 3'd1); end
      case (st)
        IDLE: begin tmr <= '0; if (go) begin st <= WAIT; busy <= 1'b1; lat <= {1'b0, dly} + 3'd1; end end
        WAIT: begin
          tmr <= tmr + 8'd1;
          if (ans) begin st <= IDLE; busy <= 1'b0; ok <= 1'b1; end
          else if (expired) begin st <= ERR; fail <= 1'b1; end
        end
        ERR: begin busy <= 1'b0; if (go) begin st <= IDLE; fail <= 1'b0; end end
        default: st <= IDLE;
      endcase
    end
  end
endmodule
"""
    dead = _dead(sv, "link_ctl", "l.sv")
    assert dead.get("tmr >= LIM[7:0]") == 0
    # near miss: a limit of 2 is reached before an answer after up to 4 cycles
    assert "tmr >= LIM[7:0]" not in _dead(sv.replace("LIM = 200", "LIM = 2"), "link_ctl", "l.sv")


def test_stalling_responder_keeps_the_timeout():
    src = _master_only(POLL.read_text()) + _STALL_UNIT
    t0 = time.monotonic()
    dead = _dead(src, "rd_top")
    assert "cnt >= LIMIT" not in dead and "s == S_FAIL" not in dead, dead
    assert time.monotonic() - t0 < 120


def test_pdr_refutes_a_timeout_that_fires(tmp_path):
    """The proof engine the candidates name: a stalling responder's timeout replaced anyway is NOT
    EQUIVALENT (pdr finds the stall), the same replacement with the bounded responder EQUIVALENT."""
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    stall = _master_only(POLL.read_text()) + _STALL_UNIT.replace("9'd300", "9'd12")
    f = tmp_path / "o.v"
    f.write_text(stall)
    g = tmp_path / "c.v"
    g.write_text(stall.replace("cnt >= LIMIT", "1'b0"))
    res = check_equivalence(open_design([f], "rd_top"), open_design([g], "rd_top"),
                            VerifyOptions(timeout_s=120, engines=("pdr",), counterexample=False))
    assert str(res.verdict) == "NOT EQUIVALENT", res.reason


@pytest.mark.parametrize(("limit", "dead"), [(5, False), (6, True)])
def test_limit_at_the_response_time(limit, dead):
    """The answer comes at the latest with cnt == 6 (address 3: 4 + 2 cycles): at LIMIT = 5 the compare is
    true one cycle before it (the timeout fires), at LIMIT = 6 only in the cycle the answer wins."""
    src = POLL.read_text().replace(".LIMIT(9'd300)", f".LIMIT(9'd{limit})")
    assert ("cnt >= LIMIT" in _dead(src, "rd_top")) == dead


def test_commands_the_sibling_never_issues():
    """A generic two-mode engine (copy / fill / clear / test) driven by a sibling sequencer that only ever
    issues copy (1) and fill (2): the decode of clear (0, written 'mode == 0': Yosys's $logic_not) is
    never true, the one of fill (2) always true where it is read (3 never comes), copy's (1) is live."""
    src = """module xfer_eng (input clk, input rst, input go, input [1:0] mode_in, input [7:0] din,
                 output reg [7:0] dout, output reg busy);
  reg [1:0] mode;
  reg [2:0] n;
  always @(posedge clk) begin
    if (rst) begin mode <= 2'd0; n <= 3'd0; dout <= 8'd0; busy <= 1'b0; end
    else if (!busy) begin
      if (go) begin mode <= mode_in; n <= 3'd4; busy <= 1'b1; end
    end else begin
      n <= n - 3'd1;
      if (n == 3'd1) busy <= 1'b0;
      if (mode == 2'd0)      dout <= 8'd0;
      else if (mode == 2'd1) dout <= din;
      else if (mode == 2'd2) dout <= 8'hA5;
      else                   dout <= {dout[6:0], dout[7]};
    end
  end
endmodule

module seqr (input clk, input rst, input busy, input sel, output reg go, output reg [1:0] mode);
  always @(posedge clk) begin
    if (rst) begin go <= 1'b0; mode <= 2'd1; end
    else begin
      go <= !busy && !go;
      if (!busy && !go) mode <= sel ? 2'd2 : 2'd1;
    end
  end
endmodule

module xfer_top (input clk, input rst, input sel, input [7:0] d, output [7:0] q, output b);
  wire go;
  wire [1:0] m;
  seqr u_s (.clk(clk), .rst(rst), .busy(b), .sel(sel), .go(go), .mode(m));
  xfer_eng u_e (.clk(clk), .rst(rst), .go(go), .mode_in(m), .din(d), .dout(q), .busy(b));
endmodule
"""
    dead = _dead(src, "xfer_top")
    assert dead.get("mode == 2'd0") == 0
    assert "mode == 2'd1" not in dead and dead.get("mode == 2'd2") == 1
    # near miss: a sequencer that also issues clear keeps its decode
    assert "mode == 2'd0" not in _dead(src.replace("sel ? 2'd2 : 2'd1", "sel ? 2'd2 : {1'b0, d[0]}"), "xfer_top")


def test_state_behind_a_long_timer_not_called_dead():
    """A state entered only after a 1500-cycle phase timer is never reached by the simulations (their long
    run is 768 cycles), yet reachable: the timer still counts through new values late in the long run,
    so its compares are not offered (the verifier could only say UNKNOWN after a long proof)."""
    src = """module oven (input clk, input rst_n, input start, output heat, output done);
  localparam A = 2'd0, B = 2'd1, C = 2'd2;
  reg [1:0] st;
  reg [10:0] t;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin st <= A; t <= 11'd0; end
    else case (st)
      A: if (start) begin st <= B; t <= 11'd1500; end
      B: if (t == 11'd0) st <= C; else t <= t - 11'd1;
      default: st <= A;
    endcase
  assign heat = (st == B);
  assign done = (st == C);
endmodule
"""
    dead = _dead(src, "oven")
    assert "st == C" not in dead and "t == 11'd0" not in dead, dead
    # the same with a 20-cycle phase: reached, live
    assert "st == C" not in _dead(src.replace("11'd1500", "11'd20"), "oven")


def test_with_the_redundant_registers(tmp_path):
    """The sequential-redundancy generator offers the dead compares deadcmp found in the same texts
    together with the registers it proves redundant (one step instead of two); proven with pdr."""
    from rtlopt.design import open_design
    from rtlopt.engine.search import State
    from rtlopt.semantic.seqred import seq_candidates
    src = POLL.read_text()
    f = tmp_path / "p.v"
    f.write_text(src)
    d = open_design([f], "rd_top")
    texts = {d.files[0]: src}
    assert deadcmp.dead_sites(texts, "rd_top", timeout_s=120)[0]
    got = [c for c in seq_candidates(State(d, texts, "area", None, 0, None, time.monotonic() + 120))
           if "dead compare" in c.description and "redundant registers" in c.description]
    assert len(got) == 1 and got[0].hints["engines"] == deadcmp.PROOF_ENGINES
    assert "else if (1'b0)  s_nx = S_FAIL;" in got[0].text
    assert _equivalent(tmp_path, src, got[0].text, "rd_top", ".v")


def test_fault_simulation_same_values_as_numpy(monkeypatch):
    """The side-by-side stuck-at simulations (one muxed netlist for every compare tried, the unchanged run
    as a block with every mask 0, the generated int evaluator) give exactly what the numpy loop gives on
    the netlist without muxes; the long run's stimulus drawn in slabs is the one of a single draw."""
    import numpy as np

    from rtlopt.semantic import seqsim
    texts = {Path("p.v"): POLL.read_text()}
    net = seqsim.load_texts(texts, "rd_top", timeout=120, probes=True)
    sites = deadcmp._probe_sites(net, texts)
    sigs = sorted({s for v in sites.values() for s in v})
    assert len(sigs) >= 4
    stim = deadcmp.stimulus(net, (200, 2, 3, 4, 5))
    variants = [{s: k % 2} for k, s in enumerate(sigs)] + [{}]
    net2, consts = deadcmp.faulted(net, variants, 2)
    got = deadcmp.simulate(net2, stim, deadcmp._outs(net2), copies=len(variants), consts=consts)
    assert net2.__dict__.get("_inteval") is not None  # (the int evaluator ran)
    monkeypatch.setattr(seqsim, "_int_evaluator", lambda *a, **k: None)
    plain = deadcmp.simulate(net, stim, deadcmp._outs(net))
    assert (got[:, :, -2:] == plain).all()  # the block without constants: the unchanged netlist
    for k, var in enumerate(variants[:-1]):  # each block: that compare alone as a constant, numpy
        one, c1 = deadcmp.faulted(net, [var], 2)
        one = dataclasses.replace(one, _groups=None)
        assert (deadcmp.simulate(one, stim, deadcmp._outs(one), consts=c1) == got[:, :, 2 * k:2 * k + 2]).all()
    assert (got != got[:, :, -2:].repeat(len(variants), axis=2)).any()  # (some constant shows)
    ref = np.random.default_rng(7).random((50, 3, 2, 64)) < 2.0 ** -3
    ref = np.packbits(ref, axis=-1, bitorder="little").view(np.uint64)[..., 0]
    assert (deadcmp._lanes(np.random.default_rng(7), (50, 3, 2), 3, slab=640) == ref).all()


_HWM_V = """module hwm_meter (input clk, input rst, input inc, input smp, output reg [11:0] hwm, output reg [11:0] total);
  always @(posedge clk) begin
    if (rst) total <= 12'd0;
    else if (inc && total != 12'hfff) total <= total + 12'd1;
  end
  always @(posedge clk) begin
    if (rst) hwm <= 12'd0;
    else if (smp) begin
      if (total > hwm) hwm <= total;
    end
  end
endmodule
"""

_PEAK_SV = """module upcount (input logic clk, input logic rst, input logic en, output logic [10:0] c);
  always_ff @(posedge clk) if (rst) c <= '0; else if (en && c < 11'd2000) c <= c + 11'd1;
endmodule

module peak_keep (input logic clk, input logic rst, input logic en, input logic take,
                  output logic [10:0] peak);
  logic [10:0] c, nxt;
  upcount u_c (.*);
  always_comb nxt = (c <= peak) ? peak : c;
  always_ff @(posedge clk)
    if (rst) peak <= '0;
    else if (take) peak <= nxt;
endmodule
"""


@pytest.mark.parametrize("src, top, name, cmp, val", [
    (_HWM_V, "hwm_meter", "t.v", "total > hwm", 1),
    (_PEAK_SV, "peak_keep", "t.sv", "c <= peak", 0),
])
def test_running_max_of_a_counter_that_never_decreases(tmp_path, src, top, name, cmp, val):
    """The running max of a counter that only counts up is the counter: its compare switches on every new
    counter value of the long run (the counter never stops taking new values there) and never matters, so
    it is explored and offered (the filter for timers counting ahead of an unseen state took it before)."""
    p = Path(name)
    sites, _net = deadcmp.dead_sites({p: src}, top, timeout_s=120)
    assert {" ".join(src[a:b].split()): v for (_p, a, b), v in sites}.get(cmp) == val
    assert _equivalent(tmp_path, src, deadcmp.apply({p: src}, sites)[p], top, p.suffix)
    # near miss: the counter also counts down; the max keeps an older, larger value
    down = src.replace("12'd1;\n  end", "12'd1;\n    else if (!inc && total != 0) total <= total - 12'd1;\n  end") \
        if name == "t.v" else src.replace("c <= c + 11'd1;", "c <= c + 11'd1; else if (!en && c != 0) c <= c - 11'd1;")
    assert down != src
    assert cmp not in _dead(down, top, name)
