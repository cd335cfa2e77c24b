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
  wire [TW:0] ra, rb;
  port_ready #(.TW(TW)) u_a (.t_arr(ts_a), .residence(res), .t_ready(ra));
  port_ready #(.TW(TW)) u_b (.t_arr(ts_b), .residence(res), .t_ready(rb));
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      depart <= {(TW+1){1'b0}}; a_last <= 1'b0;
    end else if (go) begin
      a_last <= ra > rb;
      depart <= (ra > rb) ? ra : rb;
    end
endmodule

module tsn_gate (
  input clk, input rst_n, input go,
  input [11:0] ts0, ts1, residence,
  output [12:0] t_depart, output port0_last
);
  egress_sched #(.TW(12)) u_s (.clk(clk), .rst_n(rst_n), .go(go), .ts_a(ts0), .ts_b(ts1), .res(residence), .depart(t_depart), .a_last(port0_last));
endmodule
