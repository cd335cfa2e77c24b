// Peripheral chipset address decoder with read-back mux.
module region_hit #(parameter AW = 16, parameter BASE = 0, parameter SIZE = 256) (
  input  wire [AW-1:0] addr,
  output wire          hit
);
  assign hit = (addr >= BASE) && (addr < BASE + SIZE);
endmodule

module addr_dec #(parameter AW = 16, parameter B0 = 16'h0000, parameter B1 = 16'h1000,
                  parameter B2 = 16'h2000, parameter B3 = 16'h3000, parameter SZ = 16'h1000) (
  input  wire [AW-1:0] addr,
  input  wire [31:0]   d0, d1, d2, d3,
  output wire [3:0]    sel,
  output reg  [31:0]   rdata,
  output wire          err
);
  // the four aligned, contiguous 1 KiB regions: one block compare, then a 2-bit decode
  wire blk = (addr[19:12] == 8'h40);
  wire [1:0] idx = addr[11:10];
  assign sel = {4{blk}} & (4'b0001 << idx);
  assign err = ~blk;
  always @(*)
    rdata = ({32{sel[0]}} & d0) | ({32{sel[1]}} & d1) | ({32{sel[2]}} & d2) | ({32{sel[3]}} & d3);
endmodule

module chipset_dec (
  input  wire [19:0] addr,
  input  wire [31:0] uart_d, tmr_d, gpio_d, spi_d,
  output wire [3:0]  cs,
  output wire [31:0] rdata,
  output wire        bus_err
);
  addr_dec #(.AW(20), .B0(20'h40000), .B1(20'h40400), .B2(20'h40800), .B3(20'h40C00), .SZ(20'h400))
    u_dec (.addr(addr), .d0(uart_d), .d1(tmr_d), .d2(gpio_d), .d3(spi_d),
           .sel(cs), .rdata(rdata), .err(bus_err));
endmodule
