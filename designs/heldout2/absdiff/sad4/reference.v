// One subtractor per pair: |p-q| = (d ^ {8{borrow}}) + borrow; the +borrow terms
// are folded into the final sum as carry-ins.
module sad4 (
    input  wire [31:0] cur,
    input  wire [31:0] ref_px,
    output wire [9:0]  sad
);
    wire [8:0] d0 = {1'b0, cur[7:0]}   - {1'b0, ref_px[7:0]};
    wire [8:0] d1 = {1'b0, cur[15:8]}  - {1'b0, ref_px[15:8]};
    wire [8:0] d2 = {1'b0, cur[23:16]} - {1'b0, ref_px[23:16]};
    wire [8:0] d3 = {1'b0, cur[31:24]} - {1'b0, ref_px[31:24]};
    wire [7:0] m0 = d0[7:0] ^ {8{d0[8]}};
    wire [7:0] m1 = d1[7:0] ^ {8{d1[8]}};
    wire [7:0] m2 = d2[7:0] ^ {8{d2[8]}};
    wire [7:0] m3 = d3[7:0] ^ {8{d3[8]}};
    assign sad = (m0 + m1) + (m2 + m3) + (d0[8] + d1[8]) + (d2[8] + d3[8]);
endmodule
