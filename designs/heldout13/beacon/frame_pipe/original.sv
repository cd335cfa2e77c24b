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
      busy <= 1'b0;
      inflight <= '0;
    end else begin
      v1 <= in_valid;
      v2 <= v1;
      v3 <= v2;
      d1 <= din ^ KEY;
      d2 <= {d1[W-2:0], d1[W-1]};
      d3 <= d2 + SALT;
      busy <= in_valid | v1 | v2;
      // entering stage 1 and leaving stage 3 in the same cycle
      if (in_valid && !v3)      inflight <= inflight + 1'b1;
      else if (!in_valid && v3) inflight <= inflight - 1'b1;
    end
  end
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
