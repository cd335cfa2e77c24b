// Four-channel serial sampling front-end: one baud-rate divider drives the sample and strobe
// enables of all channels.
module rx_shift (
  input  wire       clk,
  input  wire       rst,
  input  wire       sample,
  input  wire       din,
  output reg  [7:0] shreg
);
  always @(posedge clk) begin
    if (rst)         shreg <= 8'd0;
    else if (sample) shreg <= {shreg[6:0], din};
  end
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
    if (rst)                     div_cnt <= 10'd0;
    else if (div_cnt == DIV - 1) div_cnt <= 10'd0;
    else                         div_cnt <= div_cnt + 10'd1;
  end
  wire sample = (div_cnt == DIV / 2);
  wire tick   = (div_cnt == DIV - 1);
  assign strobe = {4{tick}};

  genvar k;
  generate
    for (k = 0; k < 4; k = k + 1) begin : ch
      rx_shift u_s (.clk(clk), .rst(rst), .sample(sample), .din(din[k]), .shreg(data[8*k +: 8]));
    end
  endgenerate
endmodule
