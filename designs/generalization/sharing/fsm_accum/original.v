module accfsm (
  input             clk, rst,
  input      [1:0]  cmd,
  input      [15:0] x,
  output reg [15:0] acc
);
  localparam IDLE = 2'd0, ADD = 2'd1, SUB = 2'd2, DBL = 2'd3;
  reg [1:0] state;
  always @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      acc   <= 16'd0;
    end else begin
      case (state)
        IDLE: state <= cmd;
        ADD: begin acc <= acc + x; state <= IDLE; end
        SUB: begin acc <= acc - x; state <= IDLE; end
        DBL: begin acc <= acc + acc; state <= IDLE; end
      endcase
    end
  end
endmodule
