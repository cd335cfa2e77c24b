// Overlapping 1011 detector whose next-state logic and decodes are net declarations with
// initializers (wire w = expr); two 'seen 1' states behave alike
module seqdet_wire (input clk, input rst, input din, output hit);
  localparam [2:0] IDLE = 3'd0, G1 = 3'd1, G10 = 3'd2, G101 = 3'd3, G1011 = 3'd4, G1B = 3'd5;
  reg [2:0] state;
  wire seen1 = (state == G1) | (state == G1B) | (state == G1011);
  wire [2:0] on1 = (state == IDLE) ? G1 : seen1 ? ((state == G1B) ? G1 : G1B) :
                   (state == G10) ? G101 : (state == G101) ? G1011 : IDLE;
  wire [2:0] on0 = seen1 ? G10 : (state == G101) ? G10 : IDLE;
  wire [2:0] nxt = din ? on1 : on0;
  always @(posedge clk)
    if (rst) state <= IDLE;
    else state <= nxt;
  assign hit = (state == G1011);
endmodule
