// Load data path: align the addressed byte/halfword of the read word and extend it.
module load_unit (
  input  logic [31:0] rdata,
  input  logic [1:0]  addr_lo,
  input  logic [2:0]  funct3,      // 000 LB, 001 LH, 010 LW, 100 LBU, 101 LHU
  output logic [31:0] ld_data
);
  logic [7:0]  byte_sel;
  logic [15:0] half_sel;

  always_comb begin
    byte_sel = rdata >> (8 * addr_lo);
    half_sel = rdata >> (16 * addr_lo[1]);
    unique case (funct3)
      3'b000:  ld_data = {{24{byte_sel[7]}}, byte_sel};
      3'b100:  ld_data = {24'd0, byte_sel};
      3'b001:  ld_data = {{16{half_sel[15]}}, half_sel};
      3'b101:  ld_data = {16'd0, half_sel};
      default: ld_data = rdata;
    endcase
  end
endmodule
