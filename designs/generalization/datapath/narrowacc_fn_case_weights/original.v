// Credit balance after a cycle of returns: each of four return ports hands back
// a packet class, worth 0, 1, 2 or 4 credits; the 16-bit balance is updated by
// a function that walks the ports and adds each port's worth.
module credit_return #(parameter W = 16) (
  input  wire [W-1:0] balance,
  input  wire [7:0]   cls,       // four 2-bit classes
  output reg  [W-1:0] balance_nxt
);
  function [W-1:0] give_back;
    input [W-1:0] bal;
    input [7:0]   c;
    integer p;
    begin
      give_back = bal;
      for (p = 0; p < 4; p = p + 1)
        case (c[2*p +: 2])
          2'd1:    give_back = give_back + 1;
          2'd2:    give_back = give_back + 2;
          2'd3:    give_back = give_back + 4;
          default: ;
        endcase
    end
  endfunction

  always @* balance_nxt = give_back(balance, cls);
endmodule
