// Round-robin pick: requests at or above ptr first (masked), else the lowest request.
module rr_pick #(
  parameter int N  = 8,
  parameter int PW = $clog2(N)
) (
  input  logic [N-1:0]  req_i,
  input  logic [PW-1:0] ptr_i,
  output logic [N-1:0]  gnt_o
);
  logic [N-1:0] mask, hi, pick;
  assign mask  = ~((N'(1) << ptr_i) - 1'b1);   // bits >= ptr
  assign hi    = req_i & mask;
  assign pick  = (|hi) ? hi : req_i;
  assign gnt_o = pick & (~pick + 1'b1);
endmodule

module rr_arb_top (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [11:0] req_i,
  output logic [11:0] gnt_o
);
  logic [3:0] ptr_q;
  rr_pick #(.N(12), .PW(4)) u_pick (.req_i(req_i), .ptr_i(ptr_q), .gnt_o(gnt_o));
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ptr_q <= '0;
    else if (|gnt_o) begin
      for (int i = 0; i < 12; i++)
        if (gnt_o[i]) ptr_q <= (i == 11) ? 4'd0 : i + 1;
    end
  end
endmodule
