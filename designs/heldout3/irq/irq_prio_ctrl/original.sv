// Simple interrupt controller: latched pending bits, enable mask, lowest-index-wins encoder.
module prio_enc #(
  parameter int N  = 8,
  parameter int IW = $clog2(N)
) (
  input  logic [N-1:0]  req_i,
  output logic          valid_o,
  output logic [IW-1:0] idx_o
);
  always_comb begin
    logic found;
    found   = 1'b0;
    idx_o   = '0;
    for (int i = 0; i < N; i++) begin
      if (req_i[i] && !found) begin
        found = 1'b1;
        idx_o = IW'(i);
      end
    end
    valid_o = found;
  end
endmodule

module irq_ctrl #(
  parameter int NIRQ = 24
) (
  input  logic                      clk_i,
  input  logic                      rst_ni,
  input  logic [NIRQ-1:0]           irq_i,
  input  logic [NIRQ-1:0]           enable_i,
  input  logic                      ack_i,
  output logic                      irq_o,
  output logic [$clog2(NIRQ)-1:0]   id_o
);
  localparam int IW = $clog2(NIRQ);
  logic [NIRQ-1:0] pending_q;
  logic [IW-1:0]   id;
  logic            any;

  prio_enc #(.N(NIRQ), .IW(IW)) u_enc (.req_i(pending_q & enable_i), .valid_o(any), .idx_o(id));

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) pending_q <= '0;
    else begin
      for (int i = 0; i < NIRQ; i++) begin
        if (irq_i[i]) pending_q[i] <= 1'b1;
        else if (ack_i && any && id == IW'(i)) pending_q[i] <= 1'b0;
      end
    end
  end

  assign irq_o = any;
  assign id_o  = id;
endmodule
