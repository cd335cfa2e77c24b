module addr_decode (
  input      [4:0]  sel,
  output     [31:0] onehot
);
  assign onehot = 32'd1 << sel;
endmodule
