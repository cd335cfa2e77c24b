// reference: the two 'seen 1' states merged (5 states); hit is the top state bit
module seqdet_wire (input clk, input rst, input din, output hit);
  localparam [2:0] IDLE = 3'd0, G1 = 3'd1, G10 = 3'd2, G101 = 3'd3, G1011 = 3'd4;
  reg [2:0] state;
  always @(posedge clk) begin
    if (rst) state <= IDLE;
    else case (state)
      IDLE:  state <= din ? G1 : IDLE;
      G1:    state <= din ? G1 : G10;
      G10:   state <= din ? G101 : IDLE;
      G101:  state <= din ? G1011 : G10;
      default: state <= din ? G1 : G10;
    endcase
  end
  assign hit = state[2];
endmodule
