// Cache line refill: on a miss the controller fetches BEATS words of the line; the data-array
// write port keeps its own word address, loaded with the line base and incremented (wrapping
// within the line) per beat.
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

module data_wport #(parameter AW = 9, parameter OFFW = 2) (
  input  wire clk, rst,
  input  wire load,
  input  wire [AW-1:0] base,
  input  wire we,
  output reg  [AW-1:0] waddr
);
  always @(posedge clk)
    if (rst) waddr <= {AW{1'b0}};
    else if (load) waddr <= base;
    else if (we) waddr <= {waddr[AW-1:OFFW], waddr[OFFW-1:0] + 1'b1};  // wrap within the line
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
  data_wport #(.AW(10), .OFFW(3)) u_w (.clk(clk), .rst(rst), .load(!busy && miss), .base({miss_set, 3'b000}), .we(we), .waddr(waddr));
endmodule
