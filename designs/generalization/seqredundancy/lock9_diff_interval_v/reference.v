// Event monitor: the private interval counter was always now - last: the flag reads the difference.
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

module evt_top (
  input  wire clk, rst, evt,
  output wire [9:0] now,
  output wire [9:0] last,
  output wire slow
);
  cyc_counter  #(.W(10)) u_now (.clk(clk), .rst(rst), .now(now));
  evt_capture  #(.W(10)) u_cap (.clk(clk), .rst(rst), .evt(evt), .now(now), .last(last));
  wire [9:0] since = now - last;
  assign slow = since[9] | since[8];
endmodule
