// Camera ISP front end: black-level subtraction, register, clamp at zero, then
// gain. Two-stage pipeline with a valid bit per stage.
module black_clamp #(parameter W = 12, parameter GW = 4) (
  input  wire               clk,
  input  wire               rst,
  input  wire               in_valid,
  input  wire [W-1:0]       pix,
  input  wire [W-1:0]       black,
  input  wire [GW-1:0]      gain,
  output reg                out_valid,
  output reg  [W+GW-1:0]    out_pix
);
  // clamp before the register: W bits instead of a signed W+1-bit difference
  reg               v1;
  reg [W-1:0]       pos1;
  wire [W:0]        d = {1'b0, pix} - {1'b0, black};
  always @(posedge clk) begin
    if (rst) begin
      v1 <= 1'b0; pos1 <= 0; out_valid <= 1'b0; out_pix <= 0;
    end else begin
      v1    <= in_valid;
      pos1  <= d[W] ? {W{1'b0}} : d[W-1:0];
      out_valid <= v1;
      out_pix   <= pos1 * gain;
    end
  end
endmodule

module isp_front (
  input  wire        clk,
  input  wire        rst,
  input  wire        in_valid,
  input  wire [9:0]  pix,
  input  wire [9:0]  black,
  input  wire [2:0]  gain,
  output wire        out_valid,
  output wire [12:0] out_pix
);
  black_clamp #(.W(10), .GW(3)) u_bc (.clk(clk), .rst(rst), .in_valid(in_valid), .pix(pix), .black(black),
    .gain(gain), .out_valid(out_valid), .out_pix(out_pix));
endmodule
