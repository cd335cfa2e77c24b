// Matrix keypad scanner: the row index is encoded from the one-hot ring.
module keypad_scanner #(
  parameter int ROWS = 4,
  parameter int COLS = 4,
  parameter int DIV  = 50000
) (
  input  logic             clk,
  input  logic             rst_n,
  input  logic [COLS-1:0]  col_n,
  output logic [ROWS-1:0]  row_n,
  output logic             key_valid,
  output logic [3:0]       key_code
);
  int                   div_cnt;
  logic [ROWS-1:0]      row_ring;
  logic [1:0]           row_idx;
  logic                 step;

  assign step    = (div_cnt == DIV - 1);
  assign row_n   = ~row_ring;
  assign row_idx = {row_ring[3] | row_ring[2], row_ring[3] | row_ring[1]};

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      div_cnt  <= 0;
      row_ring <= 'b1;
    end else begin
      div_cnt <= step ? 0 : div_cnt + 1;
      if (step) row_ring <= {row_ring[ROWS-2:0], row_ring[ROWS-1]};
    end
  end

  logic       hit;
  logic [1:0] col_idx;
  always_comb begin
    hit = ~&col_n;
    col_idx = !col_n[0] ? 2'd0 : !col_n[1] ? 2'd1 : !col_n[2] ? 2'd2 : 2'd3;
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      key_valid <= 1'b0;
      key_code  <= '0;
    end else if (step) begin
      key_valid <= hit;
      if (hit) key_code <= {row_idx, col_idx};
    end
  end
endmodule

module keypad_4x4 (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [3:0] col_n,
  output logic [3:0] row_n,
  output logic       key_valid,
  output logic [3:0] key_code
);
  keypad_scanner #(.ROWS(4), .COLS(4), .DIV(240)) u_scan (.*);
endmodule
