// Zero-crossing pitch estimator: a crossing is counted when the product of two
// consecutive samples is negative.
module zc_detect #(parameter W = 16) (
  input clk, input rst_n, input in_valid,
  input signed [W-1:0] x,
  output reg cross
);
  reg signed [W-1:0] prev;
  // sign of x*prev without the multiplier: signs differ and neither is zero
  wire neg = (x[W-1] ^ prev[W-1]) && (|x) && (|prev);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      prev  <= {W{1'b0}};
      cross <= 1'b0;
    end else if (in_valid) begin
      prev  <= x;
      cross <= neg;
    end else begin
      cross <= 1'b0;
    end
endmodule

module zc_counter #(parameter CW = 8) (
  input clk, input rst_n, input cross, input frame,
  output reg [CW-1:0] count, output reg [CW-1:0] last
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      count <= {CW{1'b0}};
      last  <= {CW{1'b0}};
    end else if (frame) begin
      last  <= count;
      count <= {{(CW-1){1'b0}}, cross};
    end else if (cross && count != {CW{1'b1}}) begin
      count <= count + 1'b1;
    end
endmodule

module pitch_est (
  input clk, input rst_n, input in_valid,
  input signed [11:0] pcm, input frame,
  output [6:0] zc_rate, output zc
);
  wire [6:0] running;
  zc_detect  #(.W(12)) u_det (.clk(clk), .rst_n(rst_n), .in_valid(in_valid), .x(pcm), .cross(zc));
  zc_counter #(.CW(7)) u_cnt (.clk(clk), .rst_n(rst_n), .cross(zc), .frame(frame), .count(running), .last(zc_rate));
endmodule
