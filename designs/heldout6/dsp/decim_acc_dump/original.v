// Integrate-and-dump decimator: sum R input samples, output the sum every R-th sample.
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
  integer      phase;
  reg [W+7:0]  acc;

  always @(posedge clk) begin
    if (rst) begin
      phase     <= 0;
      acc       <= 0;
      dout      <= 0;
      out_valid <= 1'b0;
    end else begin
      out_valid <= 1'b0;
      if (in_valid) begin
        if (phase == R - 1) begin
          phase     <= 0;
          dout      <= acc + din;
          acc       <= 0;
          out_valid <= 1'b1;
        end else begin
          phase <= phase + 1;
          acc   <= acc + din;
        end
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
