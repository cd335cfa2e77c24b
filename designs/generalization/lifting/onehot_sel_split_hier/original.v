// Grant, encoder and payload mux in three modules: a registered lowest-requester grant (zero when
// nothing is requested), a loop encoder whose idle value is the last port, and a part-select mux.
module prio_grant_reg #(parameter N = 4) (
  input              clk,
  input              rst,
  input              en,
  input      [N-1:0] req,
  output reg [N-1:0] gnt
);
  always @(posedge clk)
    if (rst)     gnt <= {N{1'b0}};
    else if (en) gnt <= req & ~(req - 1'b1);
endmodule

module gnt_enc (
  input      [3:0] g,
  output reg [1:0] idx
);
  integer i;
  always @* begin
    idx = 2'd3;                       // nothing granted: the last port
    for (i = 0; i < 4; i = i + 1)
      if (g[i]) idx = i;
  end
endmodule

module pay_mux (
  input  [3:0]  g,
  input  [63:0] d,
  output [15:0] y
);
  wire [1:0] idx;
  gnt_enc u_enc (.g(g), .idx(idx));
  assign y = d[idx*16 +: 16];
endmodule

module gnt_payload (
  input         clk,
  input         rst,
  input         en,
  input  [3:0]  req,
  input  [63:0] d,
  output [3:0]  gnt,
  output [15:0] y
);
  prio_grant_reg #(.N(4)) u_arb (.clk(clk), .rst(rst), .en(en), .req(req), .gnt(gnt));
  pay_mux u_mux (.g(gnt), .d(d), .y(y));
endmodule
