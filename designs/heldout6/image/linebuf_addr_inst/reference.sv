// Line buffer addressing: one column counter; the read address is the write address minus one (mod WIDTH).
module col_counter #(
  parameter int WIDTH = 1920,
  parameter int START = 0
) (
  input  logic                     clk,
  input  logic                     rst,
  input  logic                     en,
  input  logic                     sol,
  output logic [$clog2(WIDTH)-1:0] col
);
  always_ff @(posedge clk) begin
    if (rst || sol)            col <= START;
    else if (en)               col <= (col == WIDTH - 1) ? '0 : col + 1'b1;
  end
endmodule

module linebuf_ctrl (
  input  logic       clk,
  input  logic       rst,
  input  logic       pix_en,
  input  logic       sol,
  output logic [9:0] wr_addr,
  output logic [9:0] rd_addr,
  output logic       wr_en
);
  col_counter #(.WIDTH(640), .START(1)) u_wr (.clk(clk), .rst(rst), .en(pix_en), .sol(sol), .col(wr_addr));
  assign rd_addr = (wr_addr == 10'd0) ? 10'd639 : wr_addr - 10'd1;
  assign wr_en   = pix_en;
endmodule
