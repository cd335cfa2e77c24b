// Cache line refill: on a miss the controller fetches BEATS words of the line; the data-array
// write address is {set, beat}, which the separate write-port counter always equalled.
module refill_fsm #(parameter SETW = 6, parameter BEATS = 8) (
  input  wire clk, rst,
  input  wire miss,
  input  wire [SETW-1:0] miss_set,
  input  wire rvalid,
  output reg  busy,
  output reg  [SETW-1:0] set_q,
  output reg  [$clog2(BEATS)-1:0] beat,
  output wire we,
  output wire done
);
  assign we   = busy && rvalid;
  assign done = we && (beat == BEATS-1);
  always @(posedge clk)
    if (rst) begin busy <= 1'b0; set_q <= {SETW{1'b0}}; beat <= 0; end
    else if (!busy && miss) begin busy <= 1'b1; set_q <= miss_set; beat <= 0; end
    else if (we) begin
      beat <= beat + 1'b1;
      if (beat == BEATS-1) busy <= 1'b0;
    end
endmodule

module line_refill (
  input  wire clk, rst, miss, rvalid,
  input  wire [6:0] miss_set,
  output wire busy, we, done,
  output wire [9:0] waddr
);
  wire [6:0] set_q;
  wire [2:0] beat;
  refill_fsm #(.SETW(7), .BEATS(8)) u_f (.clk(clk), .rst(rst), .miss(miss), .miss_set(miss_set), .rvalid(rvalid),
    .busy(busy), .set_q(set_q), .beat(beat), .we(we), .done(done));
  assign waddr = {set_q, beat};
endmodule
