// Pair normaliser, reference: min(clz(a), clz(b)) = clz(a | b), one counter.
module umin4 (
  input  [3:0] p,
  input  [3:0] q,
  output [3:0] y
);
  assign y = (p < q) ? p : q;
endmodule

module pair_norm (
  input             clk,
  input             en,
  input      [9:0]  ma,
  input      [9:0]  mb,
  output reg [3:0]  sh_q,
  output reg [9:0]  na_q,
  output reg [9:0]  nb_q
);
  wire [9:0] any = ma | mb;
  wire [3:0] sh = any[9] ? 4'd0 : any[8] ? 4'd1 : any[7] ? 4'd2 : any[6] ? 4'd3 : any[5] ? 4'd4 :
                  any[4] ? 4'd5 : any[3] ? 4'd6 : any[2] ? 4'd7 : any[1] ? 4'd8 : any[0] ? 4'd9 : 4'd10;

  always @(posedge clk)
    if (en) begin
      sh_q <= sh;
      na_q <= ma << sh;
      nb_q <= mb << sh;
    end
endmodule
