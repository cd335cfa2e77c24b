// Inter-packet gap: an idle counter (8 bits, saturating at all ones) counts cycles without valid;
// the gap checker instance runs its own idle count up to GAP and reports gap_ok once there.
module idle_ctr (
  input  logic clk, rst, vld,
  output logic [7:0] idle
);
  always_ff @(posedge clk)
    if (rst) idle <= '0;
    else if (vld) idle <= '0;
    else idle <= (idle == 8'hff) ? idle : idle + 8'd1;
endmodule

module gap_check #(parameter int GAP = 12) (
  input  logic clk, rst, vld,
  output logic gap_ok
);
  logic [7:0] n;
  always_ff @(posedge clk) begin
    priority case (1'b1)
      rst:            n <= '0;
      vld:            n <= '0;
      n != 8'(GAP):   n <= n + 8'd1;
      default:        n <= n;
    endcase
  end
  assign gap_ok = (n >= 8'(GAP));
endmodule

module ipg_mon (
  input  logic clk, rst, vld,
  output logic [7:0] idle,
  output logic gap_ok
);
  idle_ctr u_idle (.*);
  gap_check #(.GAP(160)) u_gap (.*);
endmodule
