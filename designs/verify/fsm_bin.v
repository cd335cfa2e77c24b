module det(input clk, input rst, input din, output found);
  localparam S0 = 3'd0, S1 = 3'd1, S11 = 3'd2, S110 = 3'd3, S1101 = 3'd4;
  reg [2:0] st, nx;
  always @(posedge clk) if (rst) st <= S0; else st <= nx;
  always @* begin
    case (st)
      S0:    nx = din ? S1 : S0;
      S1:    nx = din ? S11 : S0;
      S11:   nx = din ? S11 : S110;
      S110:  nx = din ? S1101 : S0;
      S1101: nx = din ? S11 : S0;
      default: nx = 'x;
    endcase
  end
  assign found = (st == S1101);
endmodule
