module edgedet(input clk, input rst, input sig, output reg rise, output reg fall);
  localparam [1:0] LOW = 2'd0, LOW2 = 2'd1, HIGH = 2'd2, HIGH2 = 2'd3;
  reg [1:0] state, nstate;
  always @(posedge clk) if (rst) state <= LOW; else state <= nstate;
  always @(*) begin
    rise = 1'b0; fall = 1'b0; nstate = state;
    case (state)
      LOW:   if (sig) begin rise = 1'b1; nstate = HIGH; end else nstate = LOW2;
      LOW2:  if (sig) begin rise = 1'b1; nstate = HIGH2; end else nstate = LOW;
      HIGH:  if (!sig) begin fall = 1'b1; nstate = LOW; end else nstate = HIGH2;
      HIGH2: if (!sig) begin fall = 1'b1; nstate = LOW2; end else nstate = HIGH;
    endcase
  end
endmodule
