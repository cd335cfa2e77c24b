module first_free (
  input      [15:0] free_mask,
  output     [3:0]  slot,
  output            any
);
  wire [15:0] lowest = free_mask & (~free_mask + 16'd1);
  assign slot = {|(lowest & 16'hFF00), |(lowest & 16'hF0F0), |(lowest & 16'hCCCC), |(lowest & 16'hAAAA)};
  assign any = |free_mask;
endmodule
