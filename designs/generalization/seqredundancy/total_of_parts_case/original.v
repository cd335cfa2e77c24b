// ALU op statistics (12-bit): adds, subtracts, and all arithmetic ops, decoded by a case.
module alu_op_stats (
  input  wire        clk,
  input  wire        rst,
  input  wire        issue,
  input  wire [1:0]  opc,        // 0 nop, 1 add, 2 sub, 3 logic
  output reg  [11:0] adds,
  output reg  [11:0] subs,
  output reg  [11:0] arith
);
  always @(posedge clk) begin
    if (rst) begin
      adds  <= 12'd0;
      subs  <= 12'd0;
      arith <= 12'd0;
    end else if (issue) begin
      case (opc)
        2'd1: begin adds <= adds + 1'b1; arith <= arith + 1'b1; end
        2'd2: begin subs <= subs + 1'b1; arith <= arith + 1'b1; end
        default: ;
      endcase
    end
  end
endmodule
