// Payload of the lowest-index requester: the grant is req & -req (one-hot or zero), so the payload
// is an AND-OR of the lanes under the grant bits (lane 0 also when nothing is requested).
module pick_lowest_casez (
  input  [7:0]  req,
  input  [63:0] data,     // 8 lanes of 8 bits
  output [7:0]  grant,
  output [7:0]  q
);
  assign grant = req & (~req + 8'd1);

  reg [7:0] acc;
  integer i;
  always @* begin
    acc = data[7:0] & {8{~|grant[7:1]}};
    for (i = 1; i < 8; i = i + 1)
      acc = acc | (data[i*8 +: 8] & {8{grant[i]}});
  end
  assign q = acc;
endmodule
