// Per-port credit check of a 16-port switch scheduler: a packet of pkt_len flits may leave on
// port out_port only if that port holds enough credits. One compare per port, then a select.
module credit_check #(parameter PORTS = 16, parameter CW = 10) (
  input  [PORTS*CW-1:0] credits,     // packed per-port credit counters
  input  [CW-1:0]       pkt_len,
  input  [3:0]          out_port,
  input                 pkt_valid,
  output                grant,
  output                stall
);
  wire [PORTS-1:0] enough;
  genvar p;
  generate
    for (p = 0; p < PORTS; p = p + 1) begin : g_port
      assign enough[p] = credits[p*CW +: CW] >= pkt_len;
    end
  endgenerate

  assign grant = pkt_valid &  enough[out_port];
  assign stall = pkt_valid & ~enough[out_port];
endmodule
