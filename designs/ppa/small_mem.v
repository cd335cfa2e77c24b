// A 16x8 register file: synchronous write, asynchronous read (mapped to flops by memory_map).
module small_mem #(parameter DEPTH = 16, parameter WIDTH = 8) (
  input clk, input we, input [$clog2(DEPTH)-1:0] waddr, input [$clog2(DEPTH)-1:0] raddr,
  input [WIDTH-1:0] wdata, output [WIDTH-1:0] rdata, output reg [WIDTH-1:0] rdata_q
);
  reg [WIDTH-1:0] mem [0:DEPTH-1];
  always @(posedge clk) begin
    if (we) mem[waddr] <= wdata;
    rdata_q <= mem[raddr];
  end
  assign rdata = mem[raddr];
endmodule
