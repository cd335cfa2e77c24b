// Valve controller with minimum dwell times: the valve opens on 'req' only after it has been closed
// for CLOSE_MIN cycles and closes on '!req' only after it has been open for OPEN_MIN cycles. The two
// dwells never run together: one counter, cleared when the valve switches, with a state-selected limit.
module valve_ctl (
  input  logic clk, rst, req,
  output logic open
);
  logic [5:0] n;
  logic met, open_nx;
  assign met = (n == (open ? 6'd25 : 6'd40));
  always_comb begin
    open_nx = open;
    if (open && !req && met) open_nx = 1'b0;
    else if (!open && req && met) open_nx = 1'b1;
  end
  always_ff @(posedge clk) begin
    if (rst) open <= 1'b0;
    else     open <= open_nx;
  end
  always_ff @(posedge clk) begin
    if (rst || open_nx != open) n <= '0;
    else if (!met) n <= n + 6'd1;
  end
endmodule
