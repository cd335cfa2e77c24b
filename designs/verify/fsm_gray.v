// same machine, gray-coded states, with an extra redundant state S0b equivalent to S0
// (entered from S1101 on 0); merging S0b into S0 gives fsm_bin.v
module det(input clk, input rst, input din, output found);
  localparam S0 = 3'b000, S1 = 3'b001, S11 = 3'b011, S110 = 3'b010, S1101 = 3'b110, S0b = 3'b111;
  reg [2:0] st, nx;
  always @(posedge clk) if (rst) st <= S0; else st <= nx;
  always @* begin
    case (st)
      S0, S0b: nx = din ? S1 : S0;
      S1:    nx = din ? S11 : S0;
      S11:   nx = din ? S11 : S110;
      S110:  nx = din ? S1101 : S0b;
      S1101: nx = din ? S11 : S0b;
      default: nx = S0;
    endcase
  end
  assign found = (st == S1101);
endmodule
