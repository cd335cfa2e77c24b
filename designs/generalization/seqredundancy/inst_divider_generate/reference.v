// Four-channel serial sampling front-end: one baud-rate divider in the bank; every channel
// samples from the shared count.
module rx_sampler #(
  parameter DIV = 868
) (
  input  wire       clk,
  input  wire       rst,
  input  wire [9:0] div_cnt,
  input  wire       din,
  output reg  [7:0] shreg,
  output wire       strobe
);
  always @(posedge clk) begin
    if (rst)                     shreg <= 8'd0;
    else if (div_cnt == DIV / 2) shreg <= {shreg[6:0], din};
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
  localparam DIV = 868;
  reg [9:0] div_cnt;
  always @(posedge clk) begin
    if (rst) div_cnt <= 10'd0;
    else     div_cnt <= (div_cnt == DIV - 1) ? 10'd0 : div_cnt + 10'd1;
  end

  genvar k;
  generate
    for (k = 0; k < 4; k = k + 1) begin : ch
      rx_sampler #(.DIV(DIV)) u_s (
        .clk(clk), .rst(rst), .div_cnt(div_cnt), .din(din[k]), .shreg(data[8*k +: 8]), .strobe(strobe[k])
      );
    end
  endgenerate
endmodule
