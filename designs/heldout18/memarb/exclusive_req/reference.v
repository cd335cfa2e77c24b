// Shared SRAM port: a round-robin arbiter in front of the memory; the
// requesters come from a time-slot gate.
module rr_arb #(parameter N = 4, parameter IW = 2) (
  input clk, input rst_n, input [N-1:0] req,
  output reg [N-1:0] gnt
);
  reg [IW-1:0] last;
  reg [IW-1:0] win;
  reg found;
  integer k, j;
  always @* begin
    gnt = {N{1'b0}}; win = last; found = 1'b0;
    for (k = 1; k <= N; k = k + 1) begin
      j = (last + k) % N;
      if (!found && req[j]) begin
        found = 1'b1; win = j; gnt[j] = 1'b1;
      end
    end
  end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) last <= N - 1;
    else if (found) last <= win;
endmodule

module slot_gate #(parameter N = 4, parameter IW = 2) (
  input clk, input rst_n, input [N-1:0] want,
  output [N-1:0] req
);
  reg [IW-1:0] slot;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) slot <= {IW{1'b0}};
    else slot <= (slot == N - 1) ? {IW{1'b0}} : slot + 1'b1;
  assign req = want & ({{(N-1){1'b0}}, 1'b1} << slot);
endmodule

module sram_share (
  input clk, input rst_n, input [2:0] want,
  input [9:0] a0, a1, a2,
  output [2:0] grant, output [9:0] sram_addr, output sram_en
);
  wire [2:0] req;
  slot_gate #(.N(3), .IW(2)) u_slot (.clk(clk), .rst_n(rst_n), .want(want), .req(req));
  // the slot gate raises at most one request per cycle: whatever the
  // round-robin state, the grant is the request itself
  assign grant = req;
  assign sram_addr = ({10{req[0]}} & a0) | ({10{req[1]}} & a1) | ({10{req[2]}} & a2);
  assign sram_en = |grant;
endmodule
