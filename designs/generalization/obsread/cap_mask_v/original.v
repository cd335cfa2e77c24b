// Two-channel event tally: each channel counts while armed; on 'halt' a
// capture child latches its count, and the host reads the latch masked by
// the capture's valid flag.
module tally (
  input clk, input rst, input arm, input halt, input ev,
  output reg [9:0] n, output reg on
);
  always @(posedge clk) begin
    if (rst) begin n <= 10'd0; on <= 1'b0; end
    else if (arm) begin n <= 10'd0; on <= 1'b1; end
    else if (halt) on <= 1'b0;
    else if (on & ev) n <= n + 10'd1;
  end
endmodule

module latch_cap (
  input clk, input rst, input arm, input halt, input on,
  input [9:0] d, output reg [9:0] q, output reg ok
);
  wire take = halt & on & ~arm;
  always @(posedge clk) begin
    if (rst) begin q <= 10'd0; ok <= 1'b0; end
    else begin
      q  <= take ? d : q;
      ok <= arm ? 1'b0 : (take ? 1'b1 : ok);
    end
  end
endmodule

module tally2 (
  input clk, input rst, input arm, input halt, input ev0, input ev1, input ch,
  output [9:0] rd, output rv
);
  wire [9:0] n0, n1, q0, q1;
  wire on0, on1, ok0, ok1;
  tally t0 (.clk(clk), .rst(rst), .arm(arm), .halt(halt), .ev(ev0), .n(n0), .on(on0));
  tally t1 (.clk(clk), .rst(rst), .arm(arm), .halt(halt), .ev(ev1), .n(n1), .on(on1));
  latch_cap c0 (.clk(clk), .rst(rst), .arm(arm), .halt(halt), .on(on0), .d(n0), .q(q0), .ok(ok0));
  latch_cap c1 (.clk(clk), .rst(rst), .arm(arm), .halt(halt), .on(on1), .d(n1), .q(q1), .ok(ok1));
  assign rd = ({10{ok0 & ~ch}} & q0) | ({10{ok1 & ch}} & q1);
  assign rv = ch ? ok1 : ok0;
endmodule
