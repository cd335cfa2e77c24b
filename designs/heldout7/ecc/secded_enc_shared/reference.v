// Hamming SECDED (39,32) check bits: 6 Hamming parities + overall parity
module secded_gen (input [31:0] d, output [6:0] c);
  assign c[0] = d[0] ^ d[1] ^ d[3] ^ d[4] ^ d[6] ^ d[8] ^ d[10] ^ d[11] ^ d[13] ^ d[15] ^ d[17] ^ d[19] ^ d[21] ^ d[23] ^ d[25] ^ d[26] ^ d[28] ^ d[30];
  assign c[1] = d[0] ^ d[2] ^ d[3] ^ d[5] ^ d[6] ^ d[9] ^ d[10] ^ d[12] ^ d[13] ^ d[16] ^ d[17] ^ d[20] ^ d[21] ^ d[24] ^ d[25] ^ d[27] ^ d[28] ^ d[31];
  assign c[2] = d[1] ^ d[2] ^ d[3] ^ d[7] ^ d[8] ^ d[9] ^ d[10] ^ d[14] ^ d[15] ^ d[16] ^ d[17] ^ d[22] ^ d[23] ^ d[24] ^ d[25] ^ d[29] ^ d[30] ^ d[31];
  assign c[3] = d[4] ^ d[5] ^ d[6] ^ d[7] ^ d[8] ^ d[9] ^ d[10] ^ d[18] ^ d[19] ^ d[20] ^ d[21] ^ d[22] ^ d[23] ^ d[24] ^ d[25];
  assign c[4] = d[11] ^ d[12] ^ d[13] ^ d[14] ^ d[15] ^ d[16] ^ d[17] ^ d[18] ^ d[19] ^ d[20] ^ d[21] ^ d[22] ^ d[23] ^ d[24] ^ d[25];
  assign c[5] = d[26] ^ d[27] ^ d[28] ^ d[29] ^ d[30] ^ d[31];
  assign c[6] = ^d ^ (^c[5:0]);
endmodule

module ecc_port (
  input         clk, input rst,
  input         we, input re,
  input  [31:0] wdata,
  input  [31:0] rdata, input [6:0] rcheck,
  output reg [6:0] wcheck,
  output reg [6:0] syndrome, output reg rd_err
);
  wire rd = re && !we;                  // one access per cycle, write wins
  wire [6:0] c;
  secded_gen u_gen (.d(we ? wdata : rdata), .c(c));
  wire [6:0] s = c ^ rcheck;
  always @(posedge clk) begin
    if (rst) begin wcheck <= 7'd0; syndrome <= 7'd0; rd_err <= 1'b0; end
    else begin
      wcheck   <= we ? c : 7'd0;
      syndrome <= rd ? s : 7'd0;
      rd_err   <= rd && (s != 7'd0);
    end
  end
endmodule
