// Scaler: shift a sample left or right by a programmable amount, direction from an enum.
module scaler #(parameter int W = 16) (
  input  logic clk, rst,
  input  logic [W-1:0] x,
  input  logic [3:0] amt,
  input  logic dir,            // 0: left, 1: right
  output logic [W-1:0] y
);
  typedef enum logic {LEFT = 1'b0, RIGHT = 1'b1} dir_t;
  logic [W-1:0] s;
  always_comb begin
    unique case (dir)
      LEFT:  s = x << amt;
      RIGHT: s = x >> amt;
    endcase
  end
  always_ff @(posedge clk)
    if (rst) y <= '0;
    else y <= s;
endmodule

module scaler_top (
  input  logic clk, rst,
  input  logic [19:0] x,
  input  logic [3:0] amt,
  input  logic dir,
  output logic [19:0] y
);
  scaler #(.W(20)) u_s (.*);
endmodule
