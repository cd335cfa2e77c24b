// Peripheral CSR block: irq and err are decoded from the mask/status registers (no copies).
module periph_csr #(
  parameter int AW = 4,
  parameter int NEV = 12
) (
  input  logic           clk_i,
  input  logic           rst_ni,
  input  logic           we_i,
  input  logic           re_i,
  input  logic [AW-1:0]  addr_i,
  input  logic [15:0]    wdata_i,
  input  logic [NEV-1:0] event_i,
  output logic [15:0]    rdata_o,
  output logic [7:0]     ctrl_o,
  output logic           irq_o,
  output logic           err_o
);
  localparam logic [AW-1:0] A_CTRL = 'h0, A_MASK = 'h1, A_STAT = 'h2, A_ID = 'h3;
  localparam logic [NEV-1:0] ERR_EVENTS = 12'hC00;

  logic [7:0]     ctrl_q;
  logic [NEV-1:0] mask_q, stat_q, stat_d, mask_d;

  always_comb begin
    mask_d = mask_q;
    stat_d = stat_q | event_i;
    if (we_i && addr_i == A_MASK) mask_d = wdata_i[NEV-1:0];
    if (we_i && addr_i == A_STAT) stat_d = (stat_q & ~wdata_i[NEV-1:0]) | event_i;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      ctrl_q  <= '0;
      mask_q  <= '0;
      stat_q  <= '0;
      rdata_o <= '0;
    end else begin
      if (we_i && addr_i == A_CTRL) ctrl_q <= wdata_i[7:0];
      mask_q <= mask_d;
      stat_q <= stat_d;
      if (re_i) begin
        unique case (addr_i)
          A_CTRL:  rdata_o <= {8'h00, ctrl_q};
          A_MASK:  rdata_o <= 16'(mask_q);
          A_STAT:  rdata_o <= 16'(stat_q);
          A_ID:    rdata_o <= 16'hB00C;
          default: rdata_o <= '0;
        endcase
      end
    end
  end

  assign ctrl_o = ctrl_q;
  assign irq_o  = |(stat_q & mask_q);
  assign err_o  = |(stat_q & ERR_EVENTS);
endmodule
