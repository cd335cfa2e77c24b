// DMA descriptor address stepper: the element index and the scaled element index share one shifter.
module dma_step (
  input  wire [1:0]  mode,
  input  wire [2:0]  esz,      // log2 of the element size
  input  wire [19:0] cur,
  input  wire [19:0] elem,
  input  wire [9:0]  stride,
  output wire [19:0] nxt
);
  wire [19:0] elem_sh = elem << (mode[1] ? esz : 3'd0);
  wire [19:0] off = (mode == 2'b00) ? 20'd4 :
                    (mode == 2'b11) ? {{10{stride[9]}}, stride} : elem_sh;
  assign nxt = cur + off;
endmodule
