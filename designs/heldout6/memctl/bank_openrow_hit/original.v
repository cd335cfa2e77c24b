// Open-row table for an 8-bank DRAM controller: page hit / miss / empty classification.
module bank_tracker (
  input             clk,
  input             rst,
  input      [2:0]  req_bank,
  input      [13:0] req_row,
  input             act,        // ACTIVATE issued for req_bank/req_row
  input             pre,        // PRECHARGE issued for req_bank
  input             pre_all,
  output            page_hit,
  output            page_miss,
  output            bank_idle
);
  reg [13:0] open_row [0:7];
  reg [7:0]  open_vld;
  reg [7:0]  row_match;
  integer b;

  always @(*) begin
    for (b = 0; b < 8; b = b + 1)
      row_match[b] = (open_row[b] == req_row);
  end

  assign page_hit  =  open_vld[req_bank] &  row_match[req_bank];
  assign page_miss =  open_vld[req_bank] & ~row_match[req_bank];
  assign bank_idle = ~open_vld[req_bank];

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
