// DMA length in bytes: beats times the beat size, the size decoded by a case table.
module dma_len_bytes (
  input  wire [1:0]  beat_sz,   // 0: 1 B, 1: 2 B, 2: 4 B, 3: 8 B
  input  wire [9:0]  beats,
  output reg  [15:0] nbytes
);
  reg [3:0] unit;
  always @* begin
    case (beat_sz)
      2'd0: unit = 4'd1;
      2'd1: unit = 4'd2;
      2'd2: unit = 4'd4;
      default: unit = 4'd8;
    endcase
    nbytes = beats * unit;
  end
endmodule
