// Grain hopper gate: one-hot mode vector (always_comb next state with unique case (1'b1)), the dwell
// timer cleared on every mode change by one ternary in the same always_ff. The purge mode needs
// purge_en, which the parent ties through its HAS_PURGE parameter (0 here): PURGE is unreachable, and
// the 16-bit timer stays below DWELL_T = 50.
module hopper_gate #(parameter int FEED_T = 30, parameter int DWELL_T = 50, parameter int PURGE_T = 20000) (
  input  logic clk,
  input  logic rst_n,
  input  logic req,
  input  logic full,
  input  logic purge_en,
  output logic gate_open,
  output logic shaker,
  output logic empty
);
  typedef enum int {M_IDLE = 0, M_FEED = 1, M_DWELL = 2, M_PURGE = 3, M_EMPTY = 4} mode_bit_e;
  logic [4:0] mode, mode_d;
  logic [15:0] cnt;

  always_comb begin
    mode_d = '0;
    unique case (1'b1)
      mode[M_IDLE]:  if (req) mode_d[M_FEED] = 1'b1; else mode_d[M_IDLE] = 1'b1;
      mode[M_FEED]:  if (full || cnt == 16'(FEED_T - 1)) mode_d[M_DWELL] = 1'b1; else mode_d[M_FEED] = 1'b1;
      mode[M_DWELL]: if (cnt != 16'(DWELL_T - 1)) mode_d[M_DWELL] = 1'b1;
                     else if (purge_en) mode_d[M_PURGE] = 1'b1;
                     else mode_d[M_EMPTY] = 1'b1;
      mode[M_PURGE]: if (cnt == 16'(PURGE_T - 1)) mode_d[M_EMPTY] = 1'b1; else mode_d[M_PURGE] = 1'b1;
      mode[M_EMPTY]: if (req) mode_d[M_EMPTY] = 1'b1; else mode_d[M_IDLE] = 1'b1;
      default:       mode_d[M_IDLE] = 1'b1;
    endcase
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      mode <= 5'b00001;
      cnt  <= '0;
    end else begin
      mode <= mode_d;
      cnt  <= (mode_d != mode || mode[M_IDLE] || mode[M_EMPTY]) ? '0 : cnt + 16'd1;
    end
  end

  assign gate_open = mode[M_FEED];
  assign shaker    = mode[M_DWELL] | mode[M_PURGE];
  assign empty     = mode[M_EMPTY];
endmodule

module hopper_top #(parameter int HAS_PURGE = 0) (
  input  logic clk,
  input  logic rst_n,
  input  logic req,
  input  logic full,
  output logic gate_open,
  output logic shaker,
  output logic empty
);
  hopper_gate #(.FEED_T(30), .DWELL_T(50), .PURGE_T(20000)) u_gate (
    .clk, .rst_n, .req, .full, .purge_en(HAS_PURGE != 0), .gate_open, .shaker, .empty);
endmodule
