// Occupancy statistics: a 'busy' state register set by 'start' and cleared by 'stop', with counts of
// entries (0 -> 1) and exits (1 -> 0) kept by two separate counter modules watching it.
module cnt_enter (
  input  logic       clk, rst,
  input  logic       now, was,
  output logic [9:0] n
);
  always_ff @(posedge clk)
    if (rst) n <= '0;
    else if (now && !was) n <= n + 10'd1;
endmodule

module cnt_exit (
  input  logic       clk, rst,
  input  logic       now, was,
  output logic [9:0] n
);
  always_ff @(posedge clk) begin
    if (rst) n <= '0;
    else n <= n + 10'(!now && was);
  end
endmodule

module occ_stats (
  input  logic       clk, rst, start, stop,
  output logic       busy,
  output logic [9:0] enters, exits
);
  logic busy_q;
  always_ff @(posedge clk) begin
    if (rst) begin
      busy   <= 1'b0;
      busy_q <= 1'b0;
    end else begin
      busy_q <= busy;
      if (start)     busy <= 1'b1;
      else if (stop) busy <= 1'b0;
    end
  end
  cnt_enter u_in  (.clk, .rst, .now(busy), .was(busy_q), .n(enters));
  cnt_exit  u_out (.clk, .rst, .now(busy), .was(busy_q), .n(exits));
endmodule
