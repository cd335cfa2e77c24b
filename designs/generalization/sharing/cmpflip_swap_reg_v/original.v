// Two-lane ordering register (Verilog-2001): each clock the pair (x, y) is
// stored ordered by the run-time direction dir; the swap decision compares in
// the direction dir asks for, one comparator per direction.
module order_pair_reg (
  input            clk,
  input            dir,      // 1: first lane gets the larger value
  input      [7:0] x0, y0,
  input      [7:0] x1, y1,
  output reg [7:0] f0, s0,
  output reg [7:0] f1, s1
);
  wire swap0 = dir ? (x0 < y0) : (y0 < x0);
  wire swap1;
  assign swap1 = dir ? (x1 < y1) : (y1 < x1);

  always @(posedge clk) begin
    f0 <= swap0 ? y0 : x0;
    s0 <= swap0 ? x0 : y0;
    f1 <= swap1 ? y1 : x1;
    s1 <= swap1 ? x1 : y1;
  end
endmodule
