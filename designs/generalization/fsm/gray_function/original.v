module dirctl(input clk, input rst, input up, input dn, output [1:0] dir);
  localparam [2:0] STOP = 3'd0, UP1 = 3'd1, UP2 = 3'd2, DN1 = 3'd3, DN2 = 3'd4;
  reg [2:0] s;
  function [2:0] next_state(input [2:0] cur, input u, input d);
    begin
      next_state = cur;
      case (cur)
        STOP: if (u & ~d) next_state = UP1; else if (d & ~u) next_state = DN1;
        UP1:  if (~u) next_state = STOP; else next_state = UP2;
        UP2:  if (~u) next_state = STOP; else next_state = UP1;
        DN1:  if (~d) next_state = STOP; else next_state = DN2;
        DN2:  if (~d) next_state = STOP; else next_state = DN1;
        default: next_state = STOP;
      endcase
    end
  endfunction
  always @(posedge clk) if (rst) s <= STOP; else s <= next_state(s, up, dn);
  assign dir = (s == UP1 || s == UP2) ? 2'b01 : (s == DN1 || s == DN2) ? 2'b10 : 2'b00;
endmodule
