// Horizontal line scaler: a line is written into a line RAM, then read back
// at fractional positions produced by a DDA.
module line_ram #(parameter DW = 8, parameter AW = 4) (
  input clk, input rst_n, input we,
  input [AW-1:0] wa, input [DW-1:0] wd,
  input [AW-1:0] ra, output [DW-1:0] rd
);
  reg [DW-1:0] mem [0:(1<<AW)-1];
  integer i;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      for (i = 0; i < (1<<AW); i = i + 1) mem[i] <= {DW{1'b0}};
    end else if (we) begin
      mem[wa] <= wd;
    end
  assign rd = mem[ra];
endmodule

module hscale #(parameter DW = 8, parameter AW = 4, parameter LINE = 16, parameter STEP = 3) (
  input clk, input rst_n, input in_valid, input [DW-1:0] pix,
  output reg [DW-1:0] out, output reg out_valid
);
  reg [AW-1:0] wx;
  reg [AW+1:0] rx;
  reg reading;
  wire [DW-1:0] rd;
  wire line_end = in_valid && (wx == LINE - 1);
  line_ram #(.DW(DW), .AW(AW)) u_ram (.clk(clk), .rst_n(rst_n), .we(in_valid), .wa(wx), .wd(pix),
    .ra(rx[AW+1:2]), .rd(rd));
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      wx <= {AW{1'b0}}; rx <= {(AW+2){1'b0}}; reading <= 1'b0; out <= {DW{1'b0}}; out_valid <= 1'b0;
    end else begin
      if (in_valid) wx <= line_end ? {AW{1'b0}} : wx + 1'b1;
      out_valid <= reading;
      if (reading) out <= rd;
      if (line_end) begin
        reading <= 1'b1; rx <= {(AW+2){1'b0}};
      end else if (reading) begin
        if ({1'b0, rx} + STEP >= LINE * 4) reading <= 1'b0;
        else rx <= rx + STEP;
      end
    end
endmodule

module line_scaler (
  input clk, input rst_n, input pix_valid, input [7:0] pix_in,
  output [7:0] pix_out, output pix_out_valid
);
  hscale #(.DW(8), .AW(4), .LINE(12), .STEP(5)) u_hs (.clk(clk), .rst_n(rst_n), .in_valid(pix_valid), .pix(pix_in),
    .out(pix_out), .out_valid(pix_out_valid));
endmodule
