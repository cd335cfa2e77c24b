module rd_return (
  input  [3:0]  grant,
  input  [63:0] rdata_bus,
  output [15:0] rdata
);
  assign rdata = ({16{grant[0]}} & rdata_bus[15:0])  | ({16{grant[1]}} & rdata_bus[31:16]) |
                 ({16{grant[2]}} & rdata_bus[47:32]) | ({16{grant[3]}} & rdata_bus[63:48]);
endmodule
