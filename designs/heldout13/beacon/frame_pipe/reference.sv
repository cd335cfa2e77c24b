// Radio beacon frame pipeline: whiten, rotate, add salt; three stages with valid
// bits, a busy flag and an in-flight count for the MAC's flow control.
module frame_pipe #(parameter int W = 16, parameter logic [W-1:0] KEY = '1,
                    parameter logic [W-1:0] SALT = 1) (
  input  logic         clk,
  input  logic         rst,
  input  logic         in_valid,
  input  logic [W-1:0] din,
  output logic         out_valid,
  output logic [W-1:0] dout,
  output logic         busy,
  output logic [1:0]   inflight
);
  logic v1, v2, v3;
  logic [W-1:0] d1, d2, d3;
  always_ff @(posedge clk) begin
    if (rst) begin
      {v1, v2, v3} <= '0;
      d1 <= '0; d2 <= '0; d3 <= '0;
    end else begin
      v1 <= in_valid;
      v2 <= v1;
      v3 <= v2;
      d1 <= din ^ KEY;
      d2 <= {d1[W-2:0], d1[W-1]};
      d3 <= d2 + SALT;
    end
  end
  // busy is the OR of the valid bits, the in-flight count their sum (never above 3)
  assign busy      = v1 | v2 | v3;
  assign inflight  = {1'b0, v1} + {1'b0, v2} + {1'b0, v3};
  assign out_valid = v3;
  assign dout      = d3;
endmodule

module beacon_tx (
  input  logic        clk, rst, in_valid,
  input  logic [11:0] din,
  output logic        out_valid,
  output logic [11:0] dout,
  output logic        busy,
  output logic [1:0]  inflight
);
  frame_pipe #(.W(12), .KEY(12'hA5C), .SALT(12'h01B)) u_pipe (.*);
endmodule
