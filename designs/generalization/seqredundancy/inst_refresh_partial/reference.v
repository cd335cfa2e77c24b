// Three SDRAM bank controllers: banks 0 and 1 share one 7.8 us interval timer, bank 2 (the
// low-power bank) keeps its own timer at twice the interval.
module refresh_timer #(
  parameter INTERVAL = 780
) (
  input  wire clk,
  input  wire rst,
  input  wire ack,
  output reg  req,
  output wire due
);
  reg [10:0] tmr;
  assign due = (tmr == INTERVAL - 1);
  always @(posedge clk) begin
    if (rst) begin
      tmr <= 11'd0;
      req <= 1'b0;
    end else begin
      tmr <= due ? 11'd0 : tmr + 11'd1;
      if (due)      req <= 1'b1;
      else if (ack) req <= 1'b0;
    end
  end
endmodule

module refresh_flag (
  input  wire clk,
  input  wire rst,
  input  wire due,
  input  wire ack,
  output reg  req
);
  always @(posedge clk) begin
    if (rst)      req <= 1'b0;
    else if (due) req <= 1'b1;
    else if (ack) req <= 1'b0;
  end
endmodule

module refresh_ctl (
  input  wire       clk,
  input  wire       rst,
  input  wire [2:0] ack,
  output wire [2:0] req
);
  wire due01;
  refresh_timer #(.INTERVAL(780))  u_bank0 (.clk(clk), .rst(rst), .ack(ack[0]), .req(req[0]), .due(due01));
  refresh_flag                     u_bank1 (.clk(clk), .rst(rst), .due(due01), .ack(ack[1]), .req(req[1]));
  refresh_timer #(.INTERVAL(1560)) u_bank2 (.clk(clk), .rst(rst), .ack(ack[2]), .req(req[2]), .due());
endmodule
