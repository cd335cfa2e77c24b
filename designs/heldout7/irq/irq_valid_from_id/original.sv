// Edge-triggered interrupt controller, fixed priority (line 0 highest), 1-based id (0 = none)
module irq_ctrl #(parameter int N = 8, parameter int IW = $clog2(N + 1)) (
  input  logic          clk,
  input  logic          rst_n,
  input  logic [N-1:0]  irq_in,
  input  logic [N-1:0]  irq_en,
  input  logic          ack,
  output logic [IW-1:0] irq_id,
  output logic          irq_valid
);
  logic [N-1:0] prev, pending, active;
  logic [IW-1:0] id_next;

  assign active = pending & irq_en;

  always_comb begin
    id_next = '0;
    for (int i = N - 1; i >= 0; i--)
      if (active[i]) id_next = IW'(i + 1);
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      prev <= '0; pending <= '0; irq_id <= '0; irq_valid <= 1'b0;
    end else begin
      prev <= irq_in;
      for (int i = 0; i < N; i++) begin
        if (irq_in[i] && !prev[i])                      pending[i] <= 1'b1;
        else if (ack && irq_valid && irq_id == IW'(i + 1)) pending[i] <= 1'b0;
      end
      irq_id    <= id_next;
      irq_valid <= |active;
    end
  end
endmodule

module irq_ctrl12 (
  input  logic        clk, rst_n,
  input  logic [11:0] irq_in, irq_en,
  input  logic        ack,
  output logic [3:0]  irq_id,
  output logic        irq_valid
);
  irq_ctrl #(.N(12)) u_irq (.*);
endmodule
