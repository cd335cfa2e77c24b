module bank_select (
  input      [3:0]  bank,
  output     [15:0] en
);
  assign en = 16'd1 << bank;
endmodule
