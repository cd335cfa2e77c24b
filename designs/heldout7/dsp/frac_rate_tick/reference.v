// Fractional-N rate generator: tick at average rate INC/MOD of the clock (e.g. 44.1 kHz from 480 kHz)
module frac_tick #(parameter INC = 441, parameter MOD = 4800) (
  input clk, input rst, input en, output reg tick, output [31:0] phase
);
  localparam AW = $clog2(MOD + INC);
  reg  [AW-1:0] acc;                    // always < MOD
  wire [AW-1:0] nxt = acc + INC;
  always @(posedge clk) begin
    if (rst) begin acc <= 0; tick <= 1'b0; end
    else if (en) begin
      if (nxt >= MOD) begin acc <= nxt - MOD; tick <= 1'b1; end
      else            begin acc <= nxt;       tick <= 1'b0; end
    end else tick <= 1'b0;
  end
  assign phase = acc;
endmodule

module rate_gen (input clk, input rst, input en, output tick, output [31:0] phase);
  frac_tick #(.INC(147), .MOD(1600)) u_t (.clk(clk), .rst(rst), .en(en), .tick(tick), .phase(phase));
endmodule
