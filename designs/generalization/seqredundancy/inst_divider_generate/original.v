// Four-channel serial sampling front-end: every channel carries its own baud-rate divider
// (the channel module is reused stand-alone elsewhere), the next count written as a function.
module rx_sampler #(
  parameter DIV = 868
) (
  input  wire       clk,
  input  wire       rst,
  input  wire       din,
  output reg  [7:0] shreg,
  output wire       strobe
);
  reg [9:0] div_cnt;

  function [9:0] next_cnt;
    input [9:0] c;
    begin
      next_cnt = (c == DIV - 1) ? 10'd0 : c + 10'd1;
    end
  endfunction

  always @(posedge clk) begin
    if (rst) begin
      div_cnt <= 10'd0;
      shreg   <= 8'd0;
    end else begin
      div_cnt <= next_cnt(div_cnt);
      if (div_cnt == DIV / 2) shreg <= {shreg[6:0], din};
    end
  end

  assign strobe = (div_cnt == DIV - 1);
endmodule

module sampler_bank (
  input  wire        clk,
  input  wire        rst,
  input  wire [3:0]  din,
  output wire [31:0] data,
  output wire [3:0]  strobe
);
  genvar k;
  generate
    for (k = 0; k < 4; k = k + 1) begin : ch
      rx_sampler #(.DIV(868)) u_s (
        .clk(clk), .rst(rst), .din(din[k]), .shreg(data[8*k +: 8]), .strobe(strobe[k])
      );
    end
  endgenerate
endmodule
