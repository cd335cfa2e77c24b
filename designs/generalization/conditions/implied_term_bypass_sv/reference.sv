// Load path of a small core (SV, always_comb if/else): a load below the I/O base reads RAM; above it a
// pending store to the same address is forwarded, else the I/O register is read. The forward test
// checks the store's address is in the I/O space again, which the branch and the address match settle.
module implied_term_bypass_sv #(
  parameter int AW = 16,
  parameter int DW = 16
) (
  input  logic          clk,
  input  logic          rst_n,
  input  logic [AW-1:0] io_base_in,
  input  logic          set_base,
  input  logic [AW-1:0] ld_addr,
  input  logic          sb_valid,
  input  logic [AW-1:0] sb_addr,
  input  logic [DW-1:0] sb_data,
  input  logic [DW-1:0] mem_q,
  input  logic [DW-1:0] io_q,
  output logic [DW-1:0] ld_data
);
  logic [AW-1:0] io_base;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)        io_base <= '1;
    else if (set_base) io_base <= io_base_in;
  end

  always_comb begin
    if (ld_addr < io_base)
      ld_data = mem_q;
    else if (sb_valid && sb_addr == ld_addr)
      ld_data = sb_data;
    else
      ld_data = io_q;
  end
endmodule
