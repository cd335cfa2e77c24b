module cmp_stage (
  input             clk,
  input             rst,
  input             en,
  input      [15:0] x,
  input      [15:0] y,
  output reg        x_lt_y
);
  reg     lt;
  reg     done;
  integer i;
  always @(posedge clk) begin
    if (rst) begin
      x_lt_y <= 1'b0;
    end else if (en) begin
      lt   = 1'b0;
      done = 1'b0;
      for (i = 15; i >= 0; i = i - 1) begin
        if (!done && (x[i] != y[i])) begin
          lt   = y[i];
          done = 1'b1;
        end
      end
      x_lt_y <= lt;
    end
  end
endmodule
