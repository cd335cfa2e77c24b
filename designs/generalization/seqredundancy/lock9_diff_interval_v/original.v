// Event monitor: a free-running cycle counter, a capture of it at each event, and a slow-event flag
// from a private "cycles since the event" counter (1 on the event cycle), always now - last.
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

module evt_slow #(parameter W = 16) (
  input  wire clk, rst, evt,
  output wire slow
);
  reg [W-1:0] since;
  always @(posedge clk)
    if (rst) since <= {W{1'b0}};
    else if (evt) since <= {{(W-1){1'b0}}, 1'b1};
    else since <= since + 1'b1;
  assign slow = since[W-1] | since[W-2];
endmodule

module evt_top (
  input  wire clk, rst, evt,
  output wire [9:0] now,
  output wire [9:0] last,
  output wire slow
);
  cyc_counter  #(.W(10)) u_now (.clk(clk), .rst(rst), .now(now));
  evt_capture  #(.W(10)) u_cap (.clk(clk), .rst(rst), .evt(evt), .now(now), .last(last));
  evt_slow     #(.W(10)) u_int (.clk(clk), .rst(rst), .evt(evt), .slow(slow));
endmodule
