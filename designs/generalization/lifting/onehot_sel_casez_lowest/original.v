// Payload of the lowest-index requester: the grant is req & -req (one-hot or zero), a casez table
// encodes it to a lane number, and the lane number indexes a part select of the packed payload bus.
module pick_lowest_casez (
  input  [7:0]  req,
  input  [63:0] data,     // 8 lanes of 8 bits
  output [7:0]  grant,
  output [7:0]  q
);
  assign grant = req & (~req + 8'd1);

  reg [2:0] lane;
  always @* begin
    casez (grant)
      8'b???????1: lane = 3'd0;
      8'b??????10: lane = 3'd1;
      8'b?????100: lane = 3'd2;
      8'b????1000: lane = 3'd3;
      8'b???10000: lane = 3'd4;
      8'b??100000: lane = 3'd5;
      8'b?1000000: lane = 3'd6;
      8'b10000000: lane = 3'd7;
      default:     lane = 3'd0;
    endcase
  end
  assign q = data[lane*8 +: 8];
endmodule
