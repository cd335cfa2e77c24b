// four-phase sequencer: a 16-bit up-counter ends each phase when it equals that phase's limit (a function of the state)
module phase_seq (input clk, input rst_n, input go, output reg [3:0] lamp, output tick);
  localparam [1:0] P_IDLE = 2'd0, P_PRE = 2'd1, P_RUN = 2'd2, P_POST = 2'd3;
  reg [1:0] ph;
  reg [15:0] cnt;
  function [15:0] limit;
    input [1:0] s;
    begin
      if (s == P_IDLE)     limit = 16'd3;
      else if (s == P_PRE) limit = 16'd20;
      else if (s == P_RUN) limit = 16'd50;
      else                 limit = 16'd7;
    end
  endfunction
  wire at_lim = (cnt == limit(ph));
  assign tick = at_lim;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin ph <= P_IDLE; cnt <= 16'd0; end
    else if (at_lim) begin
      if (ph != P_IDLE || go) begin ph <= ph + 2'd1; cnt <= 16'd0; end
    end else cnt <= cnt + 16'd1;
  always @* begin
    lamp = 4'b0000;
    lamp[ph] = 1'b1;
  end
endmodule
