module hs(input clk, input rst, input req, input ack, input abort, output reg busy, output reg done);
  localparam S_IDLE = 0, S_REQ = 1, S_WAIT = 2, S_DONE = 3;
  reg [3:0] state, state_n;
  always @(posedge clk)
    if (rst) state <= 4'b0001 << S_IDLE;
    else state <= state_n;
  always @* begin
    state_n = 4'b0000;
    busy = 1'b0;
    done = 1'b0;
    case (1'b1)
      state[S_IDLE]: if (req) state_n[S_REQ] = 1'b1; else state_n[S_IDLE] = 1'b1;
      state[S_REQ]:  begin busy = 1'b1; state_n[S_WAIT] = 1'b1; end
      state[S_WAIT]: begin
        busy = 1'b1;
        if (abort) state_n[S_IDLE] = 1'b1;
        else if (ack) state_n[S_DONE] = 1'b1;
        else state_n[S_WAIT] = 1'b1;
      end
      state[S_DONE]: begin done = 1'b1; state_n[S_IDLE] = 1'b1; end
      default: state_n[S_IDLE] = 1'b1;
    endcase
  end
endmodule
