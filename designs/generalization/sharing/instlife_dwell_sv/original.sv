// Valve controller with minimum dwell times: the valve opens on 'req' only after it has been closed
// for CLOSE_MIN cycles and closes on '!req' only after it has been open for OPEN_MIN cycles. Each dwell
// is measured by its own saturating counter instance, enabled by a level and cleared while disabled.
module dwell_cnt #(parameter int LIM = 10) (
  input  logic clk, rst,
  input  logic en,
  output logic met
);
  logic [5:0] n;
  always_ff @(posedge clk) begin
    if (rst) n <= '0;
    else if (!en) n <= '0;
    else if (n != 6'(LIM)) n <= n + 6'd1;
  end
  assign met = (n == 6'(LIM));
endmodule

module valve_ctl (
  input  logic clk, rst, req,
  output logic open
);
  logic open_met, closed_met, open_nx;
  always_comb begin
    open_nx = open;
    if (open && !req && open_met) open_nx = 1'b0;
    else if (!open && req && closed_met) open_nx = 1'b1;
  end
  always_ff @(posedge clk) begin
    if (rst) open <= 1'b0;
    else     open <= open_nx;
  end
  dwell_cnt #(.LIM(25)) u_open   (.clk(clk), .rst(rst), .en(open),  .met(open_met));
  dwell_cnt #(.LIM(40)) u_closed (.clk(clk), .rst(rst), .en(~open), .met(closed_met));
endmodule
