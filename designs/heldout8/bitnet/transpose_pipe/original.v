// 4x4 nibble-matrix transpose network, used before and after a pipeline register
// (column mode transposes in, stores, and transposes back out).
module tpose4x4 (
  input  [63:0] x,
  input         en,
  output [63:0] y
);
  genvar r, c;
  generate
    for (r = 0; r < 4; r = r + 1) begin : g_row
      for (c = 0; c < 4; c = c + 1) begin : g_col
        assign y[(r*4+c)*4 +: 4] = en ? x[(c*4+r)*4 +: 4] : x[(r*4+c)*4 +: 4];
      end
    end
  endgenerate
endmodule

module tpose_pipe (
  input         clk,
  input         rst,
  input  [63:0] din,
  input         col_mode,
  output [63:0] dout
);
  wire [63:0] t_in;
  reg  [63:0] r;
  reg         m;
  tpose4x4 u_in (.x(din), .en(col_mode), .y(t_in));
  always @(posedge clk) begin
    if (rst) begin
      r <= 64'd0;
      m <= 1'b0;
    end else begin
      r <= t_in;
      m <= col_mode;
    end
  end
  tpose4x4 u_out (.x(r), .en(m), .y(dout));
endmodule
