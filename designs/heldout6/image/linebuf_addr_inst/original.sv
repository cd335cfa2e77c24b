// Line buffer addressing: write the incoming pixel, read the pixel one column behind (previous line's data).
module col_counter #(
  parameter int WIDTH = 1920,
  parameter int START = 0
) (
  input  logic                     clk,
  input  logic                     rst,
  input  logic                     en,
  input  logic                     sol,       // start of line
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
  col_counter #(.WIDTH(640), .START(0)) u_rd (.clk(clk), .rst(rst), .en(pix_en), .sol(sol), .col(rd_addr));
  assign wr_en = pix_en;
endmodule
