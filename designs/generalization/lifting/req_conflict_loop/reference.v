// Bus request monitor: "some request" is an OR, a conflict is a request with another one below it.
module req_monitor (
  input  wire [11:0] req,
  input  wire [11:0] mask,
  output reg         any_req,
  output reg         conflict
);
  reg [11:0] act;
  reg        below;
  integer i;
  always @* begin
    act      = req & ~mask;
    any_req  = |act;
    below    = 1'b0;
    conflict = 1'b0;
    for (i = 0; i < 12; i = i + 1) begin
      conflict = conflict | (act[i] & below);
      below    = below | act[i];
    end
  end
endmodule
