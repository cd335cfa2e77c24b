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
  region_hit #(.AW(AW), .BASE(B0), .SIZE(SZ)) h0 (.addr(addr), .hit(sel[0]));
  region_hit #(.AW(AW), .BASE(B1), .SIZE(SZ)) h1 (.addr(addr), .hit(sel[1]));
  region_hit #(.AW(AW), .BASE(B2), .SIZE(SZ)) h2 (.addr(addr), .hit(sel[2]));
  region_hit #(.AW(AW), .BASE(B3), .SIZE(SZ)) h3 (.addr(addr), .hit(sel[3]));
  assign err = ~|sel;
  always @(*) begin
    if (sel[0])      rdata = d0;
    else if (sel[1]) rdata = d1;
    else if (sel[2]) rdata = d2;
    else if (sel[3]) rdata = d3;
    else             rdata = 32'd0;
  end
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
