// Switch-fabric output-port arbiter: round robin over N input ports.
module rr_arb #(parameter int N = 4, parameter int IW = 2) (
  input  logic          clk,
  input  logic          rst,
  input  logic [N-1:0]  req,
  input  logic          advance,
  output logic [N-1:0]  gnt,
  output logic [IW-1:0] gnt_idx,
  output logic [N-1:0]  last_oh
);
  logic [IW-1:0] last_idx;
  logic          found;

  always_comb begin
    gnt     = '0;
    gnt_idx = '0;
    found   = 1'b0;
    for (int k = 1; k <= N; k++) begin
      int j;
      j = (int'(last_idx) + k) % N;
      if (!found && req[j]) begin
        found   = 1'b1;
        gnt[j]  = 1'b1;
        gnt_idx = IW'(j);
      end
    end
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      last_idx <= IW'(N - 1);
      last_oh  <= N'(1) << (N - 1);
    end else if (advance && found) begin
      last_idx <= gnt_idx;
      last_oh  <= gnt;
    end
  end
endmodule

module fabric_port (
  input  logic       clk, rst, advance,
  input  logic [2:0] req,
  output logic [2:0] gnt,
  output logic [1:0] gnt_idx,
  output logic [2:0] last_oh
);
  rr_arb #(.N(3), .IW(2)) u_arb (.*);
endmodule
