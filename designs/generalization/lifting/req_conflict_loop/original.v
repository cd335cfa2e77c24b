// Bus request monitor: counts the active requesters of 12 masters to flag "some request" and a
// conflict (two or more masters requesting in the same cycle).
module req_monitor (
  input  wire [11:0] req,
  input  wire [11:0] mask,
  output reg         any_req,
  output reg         conflict
);
  reg [11:0] act;
  reg [3:0]  cnt;
  integer i;
  always @* begin
    act = req & ~mask;
    cnt = 4'd0;
    for (i = 0; i < 12; i = i + 1)
      cnt = cnt + act[i];
    any_req  = (cnt != 4'd0);
    conflict = (cnt >= 4'd2);
  end
endmodule
