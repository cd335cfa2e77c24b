// Tournament tree: each compare decides index and value together.
module least_loaded4 (
  input      [11:0] q0, q1, q2, q3,
  output reg [1:0]  pick,
  output reg [11:0] occ
);
  wire c01 = q1 <= q0;
  wire c23 = q3 <= q2;
  wire [11:0] m01 = c01 ? q1 : q0;
  wire [11:0] m23 = c23 ? q3 : q2;
  wire [1:0]  i01 = {1'b0, c01};
  wire [1:0]  i23 = {1'b1, c23};
  wire c = m23 <= m01;
  always @* begin
    pick = c ? i23 : i01;
    occ  = c ? m23 : m01;
  end
endmodule
