// Memory map decode of a 16-bit bus: ROM 4 KiB at 0x0000, RAM 2 KiB at 0x8000, IO 256 B at 0xff00.
module mmap16 (
  input  [15:0] addr,
  input         valid,
  output        cs_rom,
  output        cs_ram,
  output        cs_io
);
  localparam [15:0] ROM_BASE = 16'h0000, ROM_SIZE = 16'h1000;
  localparam [15:0] RAM_BASE = 16'h8000, RAM_SIZE = 16'h0800;
  localparam [15:0] IO_BASE  = 16'hff00;
  assign cs_rom = valid && (addr >= ROM_BASE) && (addr < ROM_BASE + ROM_SIZE);
  assign cs_ram = valid && (addr >= RAM_BASE) && (addr <= RAM_BASE + RAM_SIZE - 16'd1);
  assign cs_io  = valid && (IO_BASE <= addr);
endmodule
