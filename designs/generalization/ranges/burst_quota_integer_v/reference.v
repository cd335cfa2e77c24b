// Burst scheduler over three lanes: the current lane may send up to its quota back to back
// (quotas given by the instance), then the next lane takes over. Hand reference: the quota left
// in 3 bits (it stays in 1..7 from reset).
module burst_quota #(parameter Q0 = 2, parameter Q1 = 2, parameter Q2 = 2) (
  input            clk,
  input            rst_n,
  input      [2:0] valid,
  output     [2:0] send,
  output reg [1:0] lane
);
  reg [2:0] left;

  assign send = valid[lane] ? (3'b001 << lane) : 3'b000;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      lane <= 2'd0;
      left <= Q0;
    end else if (!valid[lane] || left == 3'd1) begin
      lane <= (lane == 2'd2) ? 2'd0 : lane + 2'd1;
      case (lane)
        2'd0:    left <= Q1;
        2'd1:    left <= Q2;
        default: left <= Q0;
      endcase
    end else
      left <= left - 3'd1;
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
