// Hold timer: 'start' begins a hold of LIMIT cycles; the count is 0..LIMIT (7 bits at LIMIT = 90)
// and 'holding' is the count != 0 (no flag register).
module hold_timer #(parameter LIMIT = 1000) (
  input  wire clk,
  input  wire rst,
  input  wire start,
  output wire holding,
  output reg  expired
);
  reg [$clog2(LIMIT+1)-1:0] t;
  assign holding = (t != 0);
  always @(posedge clk) begin
    if (rst) begin
      t <= 0;
      expired <= 1'b0;
    end else begin
      expired <= 1'b0;
      if (!holding) begin
        if (start)
          t <= 1;
      end else if (t == LIMIT) begin
        t <= 0;
        expired <= 1'b1;
      end else begin
        t <= t + 1'b1;
      end
    end
  end
endmodule

module door_lock (
  input  wire clk,
  input  wire rst,
  input  wire unlock_req,
  output wire unlocked,
  output wire relock
);
  hold_timer #(.LIMIT(90)) u_hold (
    .clk(clk), .rst(rst), .start(unlock_req), .holding(unlocked), .expired(relock)
  );
endmodule
