// 4x4 keypad scanner: drives one row low at a time and latches the key code.
module keypad #(parameter DIV = 1000) (
  input            clk,
  input            rst,
  input      [3:0] col_n,
  output reg [3:0] row_n,
  output reg [3:0] key,
  output reg       pressed
);
  localparam PW = $clog2(DIV);
  reg [PW-1:0] pc;
  reg [1:0]  row_idx;
  wire tick = (pc == DIV - 1);
  always @(posedge clk) begin
    if (rst) begin
      pc <= {PW{1'b0}}; row_n <= 4'b1110; row_idx <= 2'd0; key <= 4'd0; pressed <= 1'b0;
    end else if (tick) begin
      pc      <= {PW{1'b0}};
      row_n   <= {row_n[2:0], row_n[3]};
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

module keypad_top (
  input        clk,
  input        rst,
  input  [3:0] col_n,
  output [3:0] row_n,
  output [3:0] key,
  output       pressed
);
  keypad #(.DIV(250)) u_kp (.clk(clk), .rst(rst), .col_n(col_n), .row_n(row_n), .key(key), .pressed(pressed));
endmodule
