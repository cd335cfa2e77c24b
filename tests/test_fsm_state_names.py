"""States are named by the constants that name them in the source: a case label before another constant of
the same value declared earlier (command codes C_NOP = 0 beside states S_IDLE = 0), a body constant before
a parameter of the #(...) list (a one-hot machine's bit position 2 beside WIDTH = 2). Names only: the
machine (codes, transitions) is the same; with no other name a header parameter still names its state."""

from __future__ import annotations

from rtlopt.design import open_design
from rtlopt.fsm import extract

CMD_V = """
module seq (input clk, input rst, input go, output reg [2:0] cmd);
  localparam [1:0] C_NOP = 2'd0, C_ACT = 2'd1, C_RD = 2'd2;
  localparam [1:0] S_IDLE = 2'd0, S_OPEN = 2'd1, S_READ = 2'd2, S_CLOSE = 2'd3;
  reg [1:0] st;
  always @(posedge clk)
    if (rst) begin st <= S_IDLE; cmd <= C_NOP; end
    else case (st)
      S_IDLE:  if (go) begin st <= S_OPEN; cmd <= C_ACT; end
      S_OPEN:  begin st <= S_READ; cmd <= C_RD; end
      S_READ,
      S_CLOSE: begin st <= S_IDLE; cmd <= C_NOP; end
    endcase
endmodule
"""

HOT_V = """
module hot #(parameter WIDTH = 2, parameter DEPTH = 1) (input clk, input rst, input a, output busy);
  localparam IDLE = 0, RUN = 1, WAIT = 2, DONE = 3;
  reg [3:0] st, nx;
  always @(*) begin
    nx = 4'b0;
    case (1'b1)
      st[IDLE]: if (a) nx[RUN] = 1'b1; else nx[IDLE] = 1'b1;
      st[RUN]:  nx[WAIT] = 1'b1;
      st[WAIT]: if (a) nx[DONE] = 1'b1; else nx[WAIT] = 1'b1;
      st[DONE]: nx[IDLE] = 1'b1;
      default:  nx[IDLE] = 1'b1;
    endcase
  end
  always @(posedge clk) if (rst) st <= 4'b1 << IDLE; else st <= nx;
  assign busy = !st[IDLE];
endmodule
"""

HDR_SV = """
module hdr #(parameter logic [1:0] A = 2'd0, parameter logic [1:0] B = 2'd1, parameter logic [1:0] C = 2'd2)
  (input logic clk, rst, x, output logic y);
  logic [1:0] s;
  always_ff @(posedge clk)
    if (rst) s <= A;
    else unique case (s)
      A: s <= x ? B : A;
      B: s <= C;
      default: s <= A;
    endcase
  assign y = s == C;
endmodule
"""


def _states(tmp_path, text: str, top: str, suffix: str = ".v") -> dict[str, int]:
    f = tmp_path / f"d{suffix}"
    f.write_text(text)
    ex = extract(open_design([f], top=top), pragmas=False)
    assert ex.fsms, ex.rejections
    fsm = next(m for m in ex.fsms if m.state_reg == ("st" if top != "hdr" else "s"))
    return dict(fsm.codes)


def test_case_labels_name_the_states(tmp_path):
    codes = _states(tmp_path, CMD_V, "seq")
    assert codes == {"S_IDLE": 0, "S_OPEN": 1, "S_READ": 2, "S_CLOSE": 3}, codes


def test_bit_positions_before_header_parameters(tmp_path):
    codes = _states(tmp_path, HOT_V, "hot")
    assert codes == {"IDLE": 1, "RUN": 2, "WAIT": 4, "DONE": 8}, codes


def test_header_parameters_still_name_states_when_alone(tmp_path):
    codes = _states(tmp_path, HDR_SV, "hdr", ".sv")
    assert {"A": 0, "B": 1, "C": 2}.items() <= codes.items(), codes
