// Load data path: one lane mux for the low byte (byte or halfword lane), one for the high byte,
// one extension bit for the upper half.
module load_unit (
  input  logic [31:0] rdata,
  input  logic [1:0]  addr_lo,
  input  logic [2:0]  funct3,
  output logic [31:0] ld_data
);
  logic [1:0]  lane;
  logic [7:0]  b0, b1;
  logic        is_b, is_h, is_w, ext;

  always_comb begin
    is_w = ~funct3[0] & funct3[1];                  // 010 (and the unused 110/011/111 -> word)
    is_b = ~funct3[1] & ~funct3[0];
    is_h = ~funct3[1] &  funct3[0];
    if (funct3[1] | (funct3 == 3'b011) | (funct3 == 3'b111)) is_w = 1'b1;
    if (funct3[1]) begin is_b = 1'b0; is_h = 1'b0; end
    lane = is_b ? addr_lo : {addr_lo[1], 1'b0};
    unique case (lane)
      2'd0: b0 = rdata[7:0];
      2'd1: b0 = rdata[15:8];
      2'd2: b0 = rdata[23:16];
      default: b0 = rdata[31:24];
    endcase
    b1  = addr_lo[1] ? rdata[31:24] : rdata[15:8];
    ext = ~funct3[2] & (is_b ? b0[7] : b1[7]);
    if (is_w)      ld_data = rdata;
    else if (is_h) ld_data = {{16{ext}}, b1, b0};
    else           ld_data = {{16{ext}}, {8{ext}}, b0};
  end
endmodule
