// TSN egress scheduler: each of two ingress ports stamps its frame; the
// departure time is the later arrival plus the common residence time.
module port_ready #(parameter TW = 16) (
  input  [TW-1:0] t_arr, residence,
  output [TW:0] t_ready
);
  assign t_ready = t_arr + residence;
endmodule

module egress_sched #(parameter TW = 16) (
  input clk, input rst_n, input go,
  input [TW-1:0] ts_a, ts_b, res,
  output reg [TW:0] depart, output reg a_last
);
  // max(a + r, b + r) = max(a, b) + r (no wrap in TW+1 bits)
  wire a_gt = ts_a > ts_b;
  wire [TW-1:0] tmax = a_gt ? ts_a : ts_b;
  wire [TW:0] rmax;
  port_ready #(.TW(TW)) u_m (.t_arr(tmax), .residence(res), .t_ready(rmax));
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      depart <= {(TW+1){1'b0}}; a_last <= 1'b0;
    end else if (go) begin
      a_last <= a_gt;
      depart <= rmax;
    end
endmodule

module tsn_gate (
  input clk, input rst_n, input go,
  input [11:0] ts0, ts1, residence,
  output [12:0] t_depart, output port0_last
);
  egress_sched #(.TW(12)) u_s (.clk(clk), .rst_n(rst_n), .go(go), .ts_a(ts0), .ts_b(ts1), .res(residence), .depart(t_depart), .a_last(port0_last));
endmodule
