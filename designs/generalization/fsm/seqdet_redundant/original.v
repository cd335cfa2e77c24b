module seqdet(input clk, input rst, input din, output reg hit);
  localparam [2:0] IDLE = 3'd0, G1 = 3'd1, G10 = 3'd2, G101 = 3'd3, G1011 = 3'd4, G1B = 3'd5;
  reg [2:0] state, nxt;
  always @(posedge clk) begin
    if (rst) state <= IDLE;
    else state <= nxt;
  end
  always @(*) begin
    nxt = state;
    case (state)
      IDLE:  nxt = din ? G1 : IDLE;
      G1:    nxt = din ? G1B : G10;
      G1B:   nxt = din ? G1 : G10;
      G10:   nxt = din ? G101 : IDLE;
      G101:  nxt = din ? G1011 : G10;
      G1011: nxt = din ? G1B : G10;
      default: nxt = IDLE;
    endcase
  end
  always @(*) hit = (state == G1011);
endmodule
