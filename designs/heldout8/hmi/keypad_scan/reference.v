// The row drive ring advances with the row index: it is decode(row index).
module keypad_top (
  input            clk,
  input            rst,
  input      [3:0] col_n,
  output     [3:0] row_n,
  output reg [3:0] key,
  output reg       pressed
);
  reg [7:0] pc;
  reg [1:0] row_idx;
  wire tick = (pc == 8'd249);
  assign row_n = ~(4'b0001 << row_idx);
  always @(posedge clk) begin
    if (rst) begin
      pc <= 8'd0; row_idx <= 2'd0; key <= 4'd0; pressed <= 1'b0;
    end else if (tick) begin
      pc      <= 8'd0;
      row_idx <= row_idx + 1'b1;
      if (col_n != 4'b1111) begin
        pressed <= 1'b1;
        casez (col_n)
          4'b???0: key <= {row_idx, 2'd0};
          4'b??01: key <= {row_idx, 2'd1};
          4'b?011: key <= {row_idx, 2'd2};
          default: key <= {row_idx, 2'd3};
        endcase
      end else if (row_idx == 2'd3) begin
        pressed <= 1'b0;
      end
    end else begin
      pc <= pc + 1'b1;
    end
  end
endmodule
