// Open-row table: read the addressed bank's open row, one comparator.
module bank_tracker (
  input             clk,
  input             rst,
  input      [2:0]  req_bank,
  input      [13:0] req_row,
  input             act,
  input             pre,
  input             pre_all,
  output            page_hit,
  output            page_miss,
  output            bank_idle
);
  reg [13:0] open_row [0:7];
  reg [7:0]  open_vld;
  integer b;

  wire match = (open_row[req_bank] == req_row);
  wire vld   = open_vld[req_bank];

  assign page_hit  =  vld &  match;
  assign page_miss =  vld & ~match;
  assign bank_idle = ~vld;

  always @(posedge clk) begin
    if (rst) begin
      open_vld <= 8'd0;
      for (b = 0; b < 8; b = b + 1) open_row[b] <= 14'd0;
    end else begin
      if (pre_all)
        open_vld <= 8'd0;
      else if (pre)
        open_vld[req_bank] <= 1'b0;
      else if (act) begin
        open_vld[req_bank] <= 1'b1;
        open_row[req_bank] <= req_row;
      end
    end
  end
endmodule
