// DMA descriptor address stepper: the next address is the current one plus an offset chosen by the
// transfer mode (fixed word step, element index, scaled element index, or a signed 10-bit stride).
module dma_step (
  input  wire [1:0]  mode,
  input  wire [2:0]  esz,      // log2 of the element size
  input  wire [19:0] cur,
  input  wire [19:0] elem,
  input  wire [9:0]  stride,
  output wire [19:0] nxt
);
  reg [19:0] off;
  always @(*) begin
    case (mode)
      2'b00:   off = 20'd4;
      2'b01:   off = elem;
      2'b10:   off = elem << esz;
      default: off = {{10{stride[9]}}, stride};
    endcase
  end
  assign nxt = cur + off;
endmodule
