// Round-robin arbiter with registered one-hot grant and a data/payload mux
module rr_arb #(parameter N = 4, parameter DW = 16) (
  input clk, input rst,
  input  [N-1:0] req,
  input  [N*DW-1:0] data,
  output reg [N-1:0] grant,
  output [DW-1:0] gdata,
  output gvalid
);
  reg [N-1:0] last;                       // one-hot: most recently granted requester
  reg [N-1:0] nxt;
  integer i, k;
  always @(*) begin
    nxt = {N{1'b0}};
    for (i = N; i >= 1; i = i - 1)        // search from the requester after 'last'
      for (k = 0; k < N; k = k + 1)
        if (last[k] && req[(k + i) % N]) nxt = {{(N-1){1'b0}}, 1'b1} << ((k + i) % N);
  end
  always @(posedge clk) begin
    if (rst) begin
      grant <= {N{1'b0}}; last <= {{(N-1){1'b0}}, 1'b1} << (N-1);
    end else begin
      grant <= nxt;
      if (|nxt) last <= nxt;
    end
  end

  // payload of the granted requester
  reg [$clog2(N)-1:0] gidx;
  integer j;
  always @(*) begin
    gidx = 0;
    for (j = N-1; j >= 0; j = j - 1)
      if (grant[j]) gidx = j;
  end
  assign gdata  = data[gidx*DW +: DW];
  assign gvalid = |grant;
endmodule

module rr_mux6 (input clk, input rst, input [5:0] req, input [6*12-1:0] data,
                output [5:0] grant, output [11:0] gdata, output gvalid);
  rr_arb #(.N(6), .DW(12)) u_arb (.clk(clk), .rst(rst), .req(req), .data(data),
                                 .grant(grant), .gdata(gdata), .gvalid(gvalid));
endmodule
