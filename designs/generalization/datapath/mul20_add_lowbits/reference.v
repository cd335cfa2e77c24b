// row*20 + col = {row*5 + col[4:2], col[1:0]}: the low two bits of col pass through, row*5 = (row<<2) + row.
module tile_addr (
    input  wire [5:0]  row,
    input  wire [4:0]  col,
    output wire [10:0] addr
);
    assign addr = {{row, 2'b00} + ({3'b000, row} + col[4:2]), col[1:0]};
endmodule
