// Bascule bridge span controller: warning lamps, road gates, span motor.
module span_ctrl #(parameter int WARN_T = 300, parameter int TW = 12) (
  input  logic clk, rst,
  input  logic req, abort, gate_dn, gate_up, span_up, span_dn, clear,
  output logic lamp, gate_mdn, gate_mup, span_mup, span_mdn
);
  localparam int IDLE = 0, WARN = 1, GDOWN = 2, RAISE = 3, UP = 4, LOWER = 5, REOPEN_A = 6, REOPEN_B = 7;
  logic [7:0] st, nx;
  logic [TW-1:0] t;

  always_comb begin
    nx = '0;
    unique case (1'b1)
      st[IDLE]:     if (req) nx[WARN] = 1'b1; else nx[IDLE] = 1'b1;
      st[WARN]:     if (t == TW'(WARN_T - 1)) nx[GDOWN] = 1'b1; else nx[WARN] = 1'b1;
      st[GDOWN]:    if (abort) nx[REOPEN_A] = 1'b1; else if (gate_dn) nx[RAISE] = 1'b1; else nx[GDOWN] = 1'b1;
      st[RAISE]:    if (span_up) nx[UP] = 1'b1; else nx[RAISE] = 1'b1;
      st[UP]:       if (clear) nx[LOWER] = 1'b1; else nx[UP] = 1'b1;
      st[LOWER]:    if (span_dn) nx[REOPEN_B] = 1'b1; else nx[LOWER] = 1'b1;
      st[REOPEN_A]: if (gate_up) nx[IDLE] = 1'b1; else nx[REOPEN_A] = 1'b1;
      st[REOPEN_B]: if (gate_up) nx[IDLE] = 1'b1; else nx[REOPEN_B] = 1'b1;
      default:      nx[IDLE] = 1'b1;
    endcase
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      st <= 8'b0000_0001;
      t  <= '0;
    end else begin
      st <= nx;
      t  <= st[WARN] ? t + 1'b1 : '0;
    end
  end

  assign lamp     = st[WARN] | st[GDOWN] | st[RAISE] | st[UP] | st[LOWER];
  assign gate_mdn = st[GDOWN];
  assign gate_mup = st[REOPEN_A] | st[REOPEN_B];
  assign span_mup = st[RAISE];
  assign span_mdn = st[LOWER];
endmodule

module bridge_ctrl (
  input  logic clk, rst,
  input  logic req, abort, gate_dn, gate_up, span_up, span_dn, clear,
  output logic lamp, gate_mdn, gate_mup, span_mup, span_mdn
);
  span_ctrl #(.WARN_T(40), .TW(12)) u_span (.*);
endmodule
