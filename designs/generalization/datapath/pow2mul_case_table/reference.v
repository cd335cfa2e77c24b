// The unit is 2**beat_sz: the product is a shift.
module dma_len_bytes (
  input  wire [1:0]  beat_sz,
  input  wire [9:0]  beats,
  output reg  [15:0] nbytes
);
  always @* nbytes = {6'd0, beats} << beat_sz;
endmodule
