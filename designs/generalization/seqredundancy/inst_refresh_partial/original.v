// Three SDRAM bank controllers, each with its own refresh interval timer; banks 0 and 1 share the
// 7.8 us interval, bank 2 (the low-power bank) refreshes half as often.
module refresh_timer #(
  parameter INTERVAL = 780
) (
  input  wire clk,
  input  wire rst,
  input  wire ack,
  output reg  req
);
  reg [10:0] tmr;
  always @(posedge clk) begin
    if (rst) begin
      tmr <= 11'd0;
      req <= 1'b0;
    end else begin
      if (tmr == INTERVAL - 1) tmr <= 11'd0;
      else                     tmr <= tmr + 11'd1;
      if (tmr == INTERVAL - 1) req <= 1'b1;
      else if (ack)            req <= 1'b0;
    end
  end
endmodule

module refresh_ctl (
  input  wire       clk,
  input  wire       rst,
  input  wire [2:0] ack,
  output wire [2:0] req
);
  refresh_timer #(.INTERVAL(780))  u_bank0 (.clk(clk), .rst(rst), .ack(ack[0]), .req(req[0]));
  refresh_timer #(.INTERVAL(780))  u_bank1 (.clk(clk), .rst(rst), .ack(ack[1]), .req(req[1]));
  refresh_timer #(.INTERVAL(1560)) u_bank2 (.clk(clk), .rst(rst), .ack(ack[2]), .req(req[2]));
endmodule
