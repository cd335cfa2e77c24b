module accfsm (
  input             clk, rst,
  input      [1:0]  cmd,
  input      [15:0] x,
  output reg [15:0] acc
);
  localparam IDLE = 2'd0, ADD = 2'd1, SUB = 2'd2, DBL = 2'd3;
  reg [1:0] state;
  wire        sub = state == SUB;
  wire [15:0] z   = (state == DBL) ? acc : x;
  wire [15:0] s   = acc + (z ^ {16{sub}}) + sub;
  always @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      acc   <= 16'd0;
    end else begin
      if (state == IDLE) state <= cmd; else state <= IDLE;
      if (state != IDLE) acc <= s;
    end
  end
endmodule
