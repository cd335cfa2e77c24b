// The count never exceeds 16382 + 15: 15 bits suffice.
module rx_len_count (
  input  wire        clk,
  input  wire        rst,
  input  wire        valid,
  input  wire        sop,
  input  wire [3:0]  nbytes,
  output wire [13:0] length,
  output wire        jumbo
);
  reg [14:0] cnt;
  always @(posedge clk) begin
    if (rst)
      cnt <= 15'd0;
    else if (valid) begin
      if (sop)
        cnt <= {11'd0, nbytes};
      else if (cnt < 15'd16383)
        cnt <= cnt + nbytes;
    end
  end
  assign length = cnt[14] ? 14'h3fff : cnt[13:0];
  assign jumbo  = cnt > 15'd1518;
endmodule
