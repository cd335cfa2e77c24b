// Traffic-light style phase sequencer (Verilog-2005): the phase index steps on each expiry; the
// phase's length and lamp pattern are latched from tables of the NEXT index when the index steps,
// and from the tables' first entries at reset.
module phase_seq (clk, rst, expire, idx, lamps, len_q);
  input clk;
  input rst;
  input expire;
  output [2:0] idx;
  output [5:0] lamps;
  output [9:0] len_q;
  reg [2:0] idx;
  reg [5:0] lamps;
  reg [9:0] len_q;

  function [9:0] len_tab;
    input [2:0] i;
    begin
      case (i)
        3'd0: len_tab = 10'd300;
        3'd1: len_tab = 10'd40;
        3'd2: len_tab = 10'd20;
        3'd3: len_tab = 10'd250;
        3'd4: len_tab = 10'd40;
        default: len_tab = 10'd20;
      endcase
    end
  endfunction

  always @(posedge clk) begin
    if (rst) begin
      idx   <= 3'd0;
      len_q <= len_tab(3'd0);
      lamps <= {3'd0, 3'b001} ^ 6'b100100;
    end else if (expire) begin
      idx   <= (idx == 3'd5) ? 3'd0 : idx + 3'd1;
      len_q <= len_tab((idx == 3'd5) ? 3'd0 : idx + 3'd1);
      lamps <= {((idx == 3'd5) ? 3'd0 : idx + 3'd1), 3'b001} ^ 6'b100100;
    end
  end
endmodule
