module mmap16 (
  input  [15:0] addr,
  input         valid,
  output        cs_rom,
  output        cs_ram,
  output        cs_io
);
  assign cs_rom = valid && (addr[15:12] == 4'h0);
  assign cs_ram = valid && (addr[15:11] == 5'b10000);
  assign cs_io  = valid && (addr[15:8] == 8'hff);
endmodule
