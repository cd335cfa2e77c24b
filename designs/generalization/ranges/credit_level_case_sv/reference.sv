// Credit counter: refill INC credits per refill pulse, capped at MAXC; one credit per grant.
module credit_ctr #(
  parameter int MAXC = 64,
  parameter int INC  = 4
) (
  input  logic clk,
  input  logic rst,
  input  logic refill,
  input  logic take,
  output logic can_take
);
  localparam int LW = $clog2(MAXC + 1);   // the level never exceeds MAXC
  logic [LW-1:0] level;

  assign can_take = (level != '0);

  always_ff @(posedge clk) begin
    if (rst) level <= MAXC;
    else begin
      unique case ({refill, take && can_take})
        2'b10:   level <= (level + INC > MAXC) ? MAXC : level + INC;
        2'b01:   level <= level - 1'b1;
        2'b11:   level <= (level + INC - 1 > MAXC) ? MAXC : level + INC - 1;
        default: level <= level;
      endcase
    end
  end
endmodule

module credit_pair (
  input  logic       clk,
  input  logic       rst,
  input  logic [1:0] refill,
  input  logic [1:0] take,
  output logic [1:0] can_take
);
  credit_ctr #(.MAXC(600), .INC(5)) u_wide (.clk, .rst, .refill(refill[0]), .take(take[0]), .can_take(can_take[0]));
  credit_ctr #(.MAXC(48),  .INC(2)) u_thin (.clk, .rst, .refill(refill[1]), .take(take[1]), .can_take(can_take[1]));
endmodule
