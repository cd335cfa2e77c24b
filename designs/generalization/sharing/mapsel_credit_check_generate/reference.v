// Select the addressed port's credits first, then one compare.
module credit_check #(parameter PORTS = 16, parameter CW = 10) (
  input  [PORTS*CW-1:0] credits,
  input  [CW-1:0]       pkt_len,
  input  [3:0]          out_port,
  input                 pkt_valid,
  output                grant,
  output                stall
);
  wire [CW-1:0] port_credits = credits[out_port*CW +: CW];
  wire          enough       = port_credits >= pkt_len;

  assign grant = pkt_valid &  enough;
  assign stall = pkt_valid & ~enough;
endmodule
