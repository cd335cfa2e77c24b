// Grain hopper gate, optimized by hand: HAS_PURGE = 0 ties purge_en low, so PURGE is unreachable (its
// mode bit removed, the shaker is DWELL alone) and the timer stays below DWELL_T = 50 (6 bits).
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
  typedef enum int {M_IDLE = 0, M_FEED = 1, M_DWELL = 2, M_EMPTY = 3} mode_bit_e;
  logic [3:0] mode, mode_d;
  logic [5:0] cnt;

  always_comb begin
    mode_d = '0;
    unique case (1'b1)
      mode[M_IDLE]:  if (req) mode_d[M_FEED] = 1'b1; else mode_d[M_IDLE] = 1'b1;
      mode[M_FEED]:  if (full || cnt == 6'(FEED_T - 1)) mode_d[M_DWELL] = 1'b1; else mode_d[M_FEED] = 1'b1;
      mode[M_DWELL]: if (cnt != 6'(DWELL_T - 1)) mode_d[M_DWELL] = 1'b1; else mode_d[M_EMPTY] = 1'b1;
      mode[M_EMPTY]: if (req) mode_d[M_EMPTY] = 1'b1; else mode_d[M_IDLE] = 1'b1;
      default:       mode_d[M_IDLE] = 1'b1;
    endcase
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      mode <= 4'b0001;
      cnt  <= '0;
    end else begin
      mode <= mode_d;
      cnt  <= (mode_d != mode || mode[M_IDLE] || mode[M_EMPTY]) ? '0 : cnt + 6'd1;
    end
  end

  assign gate_open = mode[M_FEED];
  assign shaker    = mode[M_DWELL];
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
