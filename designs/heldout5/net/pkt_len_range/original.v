// Receive-side frame length counter with a saturating 32-bit byte count.
module rx_len_count (
  input  wire        clk,
  input  wire        rst,
  input  wire        valid,
  input  wire        sop,
  input  wire [3:0]  nbytes,      // bytes in this beat (0..8)
  output wire [13:0] length,      // saturates at 16383
  output wire        jumbo        // longer than 1518 bytes
);
  reg [31:0] cnt;
  always @(posedge clk) begin
    if (rst)
      cnt <= 32'd0;
    else if (valid) begin
      if (sop)
        cnt <= {28'd0, nbytes};
      else if (cnt < 32'd16383)
        cnt <= cnt + nbytes;
    end
  end
  assign length = (cnt > 32'd16383) ? 14'h3fff : cnt[13:0];
  assign jumbo  = cnt > 32'd1518;
endmodule
