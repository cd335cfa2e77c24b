// Quadrature encoder interface: x4 decoder + position within one revolution + revolution count.
module qdec (
  input  logic clk, rst,
  input  logic a_in, b_in,
  output logic step, dir
);
  logic [1:0] a_s, b_s;
  logic       a_d, b_d;
  always_ff @(posedge clk) begin
    if (rst) begin a_s <= '0; b_s <= '0; a_d <= 1'b0; b_d <= 1'b0; end
    else begin
      a_s <= {a_s[0], a_in}; b_s <= {b_s[0], b_in};
      a_d <= a_s[1];         b_d <= b_s[1];
    end
  end
  always_comb begin
    step = (a_s[1] ^ a_d) ^ (b_s[1] ^ b_d);
    dir  = a_s[1] ^ b_d;
  end
endmodule

module qpos #(parameter int CPR = 1024, parameter int RW = 8) (
  input  logic clk, rst,
  input  logic step, dir,
  output logic [$clog2(CPR)-1:0] pos_o,
  output logic [RW-1:0] rev_o,
  output logic index_o
);
  logic [15:0] pos;             // angle within one revolution, 0 .. CPR-1 (16 bits: any CPR)
  logic [RW-1:0] rev;
  always_ff @(posedge clk) begin
    if (rst) begin pos <= 16'd0; rev <= '0; end
    else if (step) begin
      if (dir) begin
        if (pos == CPR - 1) begin pos <= 16'd0; rev <= rev + 1'b1; end
        else pos <= pos + 1;
      end else begin
        if (pos == 0) begin pos <= CPR - 1; rev <= rev - 1'b1; end
        else pos <= pos - 1;
      end
    end
  end
  assign pos_o   = pos[$clog2(CPR)-1:0];
  assign rev_o   = rev;
  assign index_o = (pos == 0);
endmodule

module quad_enc (
  input  logic clk, rst, a_in, b_in,
  output logic [8:0] pos,
  output logic [5:0] rev,
  output logic index
);
  logic step, dir;
  qdec u_dec (.clk, .rst, .a_in, .b_in, .step, .dir);
  qpos #(.CPR(400), .RW(6)) u_pos (.clk, .rst, .step, .dir, .pos_o(pos), .rev_o(rev), .index_o(index));
endmodule
