module first_free (
  input      [15:0] free_mask,
  output reg [3:0]  slot,
  output reg        any
);
  integer i;
  reg found;
  always @* begin
    slot  = 4'd0;
    found = 1'b0;
    for (i = 0; i < 16; i = i + 1) begin
      if (free_mask[i] && !found) begin
        slot  = i[3:0];
        found = 1'b1;
      end
    end
    any = found;
  end
endmodule
