module pick_larger (
  input  wire [9:0] p,
  input  wire [9:0] q,
  output wire [9:0] big,
  output wire       p_won
);
  wire [10:0] d = {1'b0, p} - {1'b0, q};
  assign p_won = ~d[10];
  assign big   = p_won ? p : q;
endmodule
