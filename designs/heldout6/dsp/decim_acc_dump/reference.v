// Integrate-and-dump decimator: phase counter of log2(R) bits; the accumulator only needs W+log2(R) bits.
module acc_dump #(
  parameter R = 8,
  parameter W = 12
) (
  input                   clk,
  input                   rst,
  input                   in_valid,
  input      [W-1:0]      din,
  output reg [W+7:0]      dout,
  output reg              out_valid
);
  localparam PW = (R > 1) ? $clog2(R) : 1;
  localparam AW = W + PW;
  reg [PW-1:0] phase;
  reg [AW-1:0] acc;
  wire [AW-1:0] sum  = acc + din;
  wire          last = (phase == R - 1);

  always @(posedge clk) begin
    if (rst) begin
      phase     <= 0;
      acc       <= 0;
      dout      <= 0;
      out_valid <= 1'b0;
    end else begin
      out_valid <= in_valid & last;
      if (in_valid) begin
        phase <= last ? {PW{1'b0}} : phase + 1'b1;
        acc   <= last ? {AW{1'b0}} : sum;
        if (last) dout <= {{(W+8-AW){1'b0}}, sum};
      end
    end
  end
endmodule

module decim4_dual (
  input         clk,
  input         rst,
  input         in_valid,
  input  [11:0] din_i,
  input  [11:0] din_q,
  output [19:0] dout_i,
  output [19:0] dout_q,
  output        valid_i,
  output        valid_q
);
  acc_dump #(.R(4), .W(12)) u_i (.clk(clk), .rst(rst), .in_valid(in_valid), .din(din_i),
                                 .dout(dout_i), .out_valid(valid_i));
  acc_dump #(.R(4), .W(12)) u_q (.clk(clk), .rst(rst), .in_valid(in_valid), .din(din_q),
                                 .dout(dout_q), .out_valid(valid_q));
endmodule
