// Grant, encoder and payload mux in three modules: the grant register is one-hot or zero, so the
// payload is an AND-OR under the grant bits; port 3 also when nothing is granted (the encoder's idle value).
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

module pay_mux (
  input  [3:0]  g,
  input  [63:0] d,
  output [15:0] y
);
  assign y = ({16{g[0]}} & d[15:0]) | ({16{g[1]}} & d[31:16]) | ({16{g[2]}} & d[47:32]) |
             ({16{~|g[2:0]}} & d[63:48]);
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
