// arith counts exactly the adds and the subtracts: their sum.
module alu_op_stats (
  input  wire        clk,
  input  wire        rst,
  input  wire        issue,
  input  wire [1:0]  opc,
  output reg  [11:0] adds,
  output reg  [11:0] subs,
  output wire [11:0] arith
);
  always @(posedge clk) begin
    if (rst) begin
      adds <= 12'd0;
      subs <= 12'd0;
    end else if (issue) begin
      case (opc)
        2'd1: adds <= adds + 1'b1;
        2'd2: subs <= subs + 1'b1;
        default: ;
      endcase
    end
  end
  assign arith = adds + subs;
endmodule
