// Inter-packet gap: the checker's count was always min(idle, GAP): gap_ok = idle >= GAP.
module idle_ctr (
  input  logic clk, rst, vld,
  output logic [7:0] idle
);
  always_ff @(posedge clk)
    if (rst) idle <= '0;
    else if (vld) idle <= '0;
    else idle <= (idle == 8'hff) ? idle : idle + 8'd1;
endmodule

module ipg_mon (
  input  logic clk, rst, vld,
  output logic [7:0] idle,
  output logic gap_ok
);
  idle_ctr u_idle (.*);
  assign gap_ok = (idle >= 8'd160);
endmodule
