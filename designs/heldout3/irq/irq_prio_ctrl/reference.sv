// Simple interrupt controller: latched pending bits, enable mask, lowest-index-wins encoder.
// Encoder is a log tree; the acknowledge clears the isolated lowest set bit (x & -x).
module prio_enc #(
  parameter int N  = 8,
  parameter int IW = $clog2(N)
) (
  input  logic [N-1:0]  req_i,
  output logic          valid_o,
  output logic [IW-1:0] idx_o
);
  localparam int P = 1 << IW;
  logic [P-1:0] r;
  assign r = P'(req_i);
  // level l holds P>>l nodes, each a valid bit and an l-bit index
  logic [P-1:0]        v   [IW+1];
  logic [IW-1:0]       ix  [IW+1][P];
  always_comb begin
    for (int j = 0; j < P; j++) begin
      v[0][j]  = r[j];
      ix[0][j] = '0;
    end
    for (int l = 1; l <= IW; l++) begin
      for (int j = 0; j < (P >> l); j++) begin
        v[l][j]  = v[l-1][2*j] | v[l-1][2*j+1];
        ix[l][j] = ix[l-1][2*j] | ix[l-1][2*j+1]; // overwritten below
        if (v[l-1][2*j]) ix[l][j] = ix[l-1][2*j];
        else             ix[l][j] = ix[l-1][2*j+1] | IW'(1 << (l-1));
      end
      for (int j = (P >> l); j < P; j++) begin
        v[l][j]  = 1'b0;
        ix[l][j] = '0;
      end
    end
    valid_o = v[IW][0];
    idx_o   = valid_o ? ix[IW][0] : '0;
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
  logic [NIRQ-1:0] act, lowest;
  logic [NIRQ-1:0] pending_q;
  logic [IW-1:0]   id;
  logic            any;

  assign act    = pending_q & enable_i;
  assign lowest = act & (~act + 1'b1);
  prio_enc #(.N(NIRQ), .IW(IW)) u_enc (.req_i(act), .valid_o(any), .idx_o(id));

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) pending_q <= '0;
    else         pending_q <= irq_i | (pending_q & ~(lowest & {NIRQ{ack_i}}));
  end

  assign irq_o = any;
  assign id_o  = id;
endmodule
