// Hold timer: 'start' begins a hold of LIMIT cycles; a 16-bit cycle count and a 'holding' flag
// register are kept (the flag is set with the first count and cleared when the count wraps to 0).
module hold_timer #(parameter LIMIT = 1000) (
  input  wire clk,
  input  wire rst,
  input  wire start,
  output reg  holding,
  output reg  expired
);
  reg [15:0] t;
  always @(posedge clk) begin
    if (rst) begin
      t <= 16'd0;
      holding <= 1'b0;
      expired <= 1'b0;
    end else begin
      expired <= 1'b0;
      if (!holding) begin
        if (start) begin
          t <= 16'd1;
          holding <= 1'b1;
        end
      end else if (t == LIMIT) begin
        t <= 16'd0;
        holding <= 1'b0;
        expired <= 1'b1;
      end else begin
        t <= t + 16'd1;
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
