// Level monitor FSM: in LOW it waits for the level to rise above HI, in HIGH for it to
// drop below LO (a case over the state register, comparisons in opposite directions).
module level_fsm (
  input            clk,
  input            rst,
  input      [9:0] level,
  input      [9:0] lim_hi,
  input      [9:0] lim_lo,
  output reg       alarm,
  output reg [7:0] events
);
  localparam LOW = 1'b0, HIGH = 1'b1;
  reg st;
  always @(posedge clk) begin
    if (rst) begin
      st <= LOW;
      events <= 8'd0;
    end else begin
      case (st)
        LOW:  if (level > lim_hi) begin st <= HIGH; events <= events + 8'd1; end
        HIGH: if (lim_lo > level) st <= LOW;
      endcase
    end
  end
  always @* alarm = st;
endmodule
