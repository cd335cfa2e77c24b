// Matrix keypad scanner: drive one row low at a time, sample the columns, report the key.
module keypad_scanner #(
  parameter int ROWS = 4,
  parameter int COLS = 4,
  parameter int DIV  = 50000       // scan clocks per row
) (
  input  logic             clk,
  input  logic             rst_n,
  input  logic [COLS-1:0]  col_n,      // active-low column inputs (pulled up)
  output logic [ROWS-1:0]  row_n,      // active-low row drive
  output logic             key_valid,
  output logic [3:0]       key_code
);
  int                   div_cnt;
  logic [ROWS-1:0]      row_ring;     // one-hot active row
  logic [1:0]           row_idx;      // index of the active row
  logic                 step;

  assign step  = (div_cnt == DIV - 1);
  assign row_n = ~row_ring;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      div_cnt  <= 0;
      row_ring <= 'b1;
      row_idx  <= '0;
    end else begin
      div_cnt <= step ? 0 : div_cnt + 1;
      if (step) begin
        row_ring <= {row_ring[ROWS-2:0], row_ring[ROWS-1]};
        row_idx  <= row_idx + 2'd1;
      end
    end
  end

  // column encoder (lowest pressed column wins)
  logic       hit;
  logic [1:0] col_idx;
  always_comb begin
    hit = 1'b0;
    col_idx = '0;
    for (int c = COLS - 1; c >= 0; c--) begin
      if (!col_n[c]) begin
        hit = 1'b1;
        col_idx = c[1:0];
      end
    end
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
