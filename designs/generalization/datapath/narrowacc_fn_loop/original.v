// Write pointer of a 16-entry-per-cycle descriptor ring: the pointer advances by
// the number of valid descriptors accepted this cycle (8 valid bits), computed
// by a helper function that adds each valid bit to the 20-bit pointer.
module ring_wptr_adv (
  input  wire        clk,
  input  wire        rst_n,
  input  wire [7:0]  valid,
  output reg  [19:0] wptr
);
  function [19:0] bump;
    input [19:0] base;
    input [7:0]  v;
    integer k;
    begin
      bump = base;
      for (k = 0; k < 8; k = k + 1)
        if (v[k]) bump = bump + 20'd1;
    end
  endfunction

  always @(posedge clk or negedge rst_n)
    if (!rst_n) wptr <= 20'd0;
    else        wptr <= bump(wptr, valid);
endmodule
