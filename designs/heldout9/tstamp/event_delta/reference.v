// Event timing: a free-running cycle counter, a capture of the counter at each event, and a
// "cycles since the previous event" counter (the event cycle counts as 1) for the interval output.
module cyc_counter #(parameter W = 16) (
  input  wire clk, rst,
  output reg  [W-1:0] now
);
  always @(posedge clk)
    if (rst) now <= {W{1'b0}};
    else now <= now + 1'b1;
endmodule

module evt_capture #(parameter W = 16) (
  input  wire clk, rst, evt,
  input  wire [W-1:0] now,
  output reg  [W-1:0] last
);
  always @(posedge clk)
    if (rst) last <= {W{1'b0}};
    else if (evt) last <= now;
endmodule

module event_delta (
  input  wire clk, rst, evt,
  output wire [11:0] now,
  output wire [11:0] last,
  output wire [11:0] since,
  output wire slow
);
  cyc_counter  #(.W(12)) u_now (.clk(clk), .rst(rst), .now(now));
  evt_capture  #(.W(12)) u_cap (.clk(clk), .rst(rst), .evt(evt), .now(now), .last(last));
  assign since = now - last;  // the interval counter always equals now - last from reset
  assign slow = since[11];
endmodule
