// Reorder-buffer tag allocation: head/tail kept as one-hot rings, tags encoded from them.
module rob_ptrs #(parameter int N = 8) (
  input  logic                 clk,
  input  logic                 rst,
  input  logic                 alloc,
  input  logic                 retire,
  output logic [$clog2(N)-1:0] alloc_tag,
  output logic [$clog2(N)-1:0] retire_tag
);
  logic [N-1:0] head_oh, tail_oh;
  always_ff @(posedge clk) begin
    if (rst) begin
      head_oh <= N'(1);
      tail_oh <= N'(1);
    end else begin
      if (alloc)  tail_oh <= {tail_oh[N-2:0], tail_oh[N-1]};
      if (retire) head_oh <= {head_oh[N-2:0], head_oh[N-1]};
    end
  end
  always_comb begin
    alloc_tag  = '0;
    retire_tag = '0;
    for (int i = 0; i < N; i++) begin
      if (tail_oh[i]) alloc_tag  |= $clog2(N)'(i);
      if (head_oh[i]) retire_tag |= $clog2(N)'(i);
    end
  end
endmodule

module rob_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       alloc,
  input  logic       retire,
  output logic [3:0] alloc_tag,
  output logic [3:0] retire_tag
);
  rob_ptrs #(.N(16)) u_ptrs (.*);
endmodule
