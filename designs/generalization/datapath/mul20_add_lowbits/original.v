// Frame-buffer address: 20 tiles per row, addr = row * 20 + col.
module tile_addr (
    input  wire [5:0]  row,
    input  wire [4:0]  col,
    output wire [10:0] addr
);
    assign addr = row * 11'd20 + col;
endmodule
