// Transposing twice under the same (registered) mode is the identity: register the input.
module tpose_pipe (
  input             clk,
  input             rst,
  input      [63:0] din,
  input             col_mode,
  output reg [63:0] dout
);
  always @(posedge clk) begin
    if (rst) dout <= 64'd0;
    else     dout <= din;
  end
endmodule
