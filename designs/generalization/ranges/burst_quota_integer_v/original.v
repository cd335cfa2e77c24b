// Burst scheduler over three lanes: the current lane may send up to its quota back to back
// (quotas given by the instance), then the next lane takes over. The quota left is an integer
// counted down to 1 and reloaded from the next lane's quota.
module burst_quota #(parameter Q0 = 2, parameter Q1 = 2, parameter Q2 = 2) (
  input            clk,
  input            rst_n,
  input      [2:0] valid,
  output     [2:0] send,
  output reg [1:0] lane
);
  integer left;

  assign send = valid[lane] ? (3'b001 << lane) : 3'b000;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      lane <= 2'd0;
      left <= Q0;
    end else if (!valid[lane] || left == 1) begin
      lane <= (lane == 2'd2) ? 2'd0 : lane + 2'd1;
      case (lane)
        2'd0:    left <= Q1;
        2'd1:    left <= Q2;
        default: left <= Q0;
      endcase
    end else
      left <= left - 1;
endmodule

module burst_top (
  input        clk,
  input        rst_n,
  input  [2:0] valid,
  output [2:0] send,
  output [1:0] lane
);
  burst_quota #(.Q0(5), .Q1(7), .Q2(3)) u_q (.clk(clk), .rst_n(rst_n), .valid(valid), .send(send), .lane(lane));
endmodule
