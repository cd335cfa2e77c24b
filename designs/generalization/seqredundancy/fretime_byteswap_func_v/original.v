// Endianness adapter around a pipeline stage: the word is byte-swapped into the stage when the
// little-endian flag is set and swapped back on the way out with the flag that travelled with it.
module endian_stage #(
  parameter NB = 4
) (
  input                 clk,
  input                 rst_n,
  input                 ce,
  input      [8*NB-1:0] wdata,
  input                 le,
  output     [8*NB-1:0] rdata,
  output                le_out
);
  function [8*NB-1:0] bswap;
    input [8*NB-1:0] v;
    integer k;
    begin
      for (k = 0; k < NB; k = k + 1)
        bswap[8*k +: 8] = v[8*(NB-1-k) +: 8];
    end
  endfunction

  reg [8*NB-1:0] stage;
  reg            le_q;

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      stage <= {8*NB{1'b0}};
      le_q  <= 1'b0;
    end else if (ce) begin
      stage <= le ? bswap(wdata) : wdata;
      le_q  <= le;
    end
  end

  assign rdata  = le_q ? bswap(stage) : stage;
  assign le_out = le_q;
endmodule

module endian_pipe (
  input         clk,
  input         rst_n,
  input         ce,
  input  [47:0] wdata,
  input         le,
  output [47:0] rdata,
  output        le_out
);
  endian_stage #(.NB(6)) u_stage (
    .clk(clk), .rst_n(rst_n), .ce(ce), .wdata(wdata), .le(le), .rdata(rdata),
    .le_out(le_out)
  );
endmodule
