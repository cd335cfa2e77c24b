// History ring in a child RAM (DEPTH = 32 words, async reset loop); the parent's pointer steps mod 20
// and reads the sample written 7 steps earlier.
module hist_ram #(parameter int W = 8, parameter int DEPTH = 32, parameter RTLOPT_m_LAST = DEPTH-1, parameter RTLOPT_m_WORDS = DEPTH) (
  input  logic clk, rst_n, we,
  input  logic [4:0] wa, ra,
  input  logic [W-1:0] wd,
  output logic [W-1:0] rd
);
  logic [W-1:0] m [RTLOPT_m_LAST:0];
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (int k = 0; k < RTLOPT_m_WORDS; k++) m[k] <= '0;
    end else if (we) m[wa] <= wd;
  end
  assign rd = m[ra];
endmodule

module hist7 (input logic clk, rst_n, valid, input logic [7:0] x, output logic [7:0] old, output logic [8:0] diff);
  logic [4:0] ptr, back;
  logic [7:0] rd;
  always_comb back = (ptr >= 5'd7) ? ptr - 5'd7 : ptr + 5'd13;
  hist_ram #(.RTLOPT_m_LAST(19), .RTLOPT_m_WORDS(20), .W(8)) u_ram (.clk, .rst_n, .we(valid), .wa(ptr), .ra(back), .wd(x), .rd);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) ptr <= '0;
    else if (valid) ptr <= (ptr == 5'd19) ? 5'd0 : ptr + 5'd1;
  assign old = rd;
  assign diff = {1'b0, x} - {1'b0, rd};
endmodule
