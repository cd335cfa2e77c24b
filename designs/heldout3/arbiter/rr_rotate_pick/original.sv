// Round-robin pick: priority starts at ptr (the port after the last winner).
module rr_pick #(
  parameter int N  = 8,
  parameter int PW = $clog2(N)
) (
  input  logic [N-1:0]  req_i,
  input  logic [PW-1:0] ptr_i,
  output logic [N-1:0]  gnt_o
);
  logic [2*N-1:0] req_dbl, gnt_dbl;
  logic [N-1:0]   req_rot, gnt_rot;

  always_comb begin
    req_dbl = {req_i, req_i} >> ptr_i;
    req_rot = req_dbl[N-1:0];
    gnt_rot = '0;
    for (int i = N-1; i >= 0; i--)
      if (req_rot[i]) gnt_rot = N'(1) << i;
    gnt_dbl = {gnt_rot, gnt_rot} << ptr_i;
    gnt_o   = gnt_dbl[2*N-1:N];
  end
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
