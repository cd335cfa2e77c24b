module quant_bin (
    input            clk,
    input            en,
    input      [8:0] code,
    output reg [2:0] bin_q
);
    wire [2:0] q = (code < 9'd37) ? 3'd5 : (code < 9'd90) ? 3'd2 : (code < 9'd201) ? 3'd7 :
                   (code < 9'd333) ? 3'd3 : (code < 9'd410) ? 3'd0 : 3'd6;
    always @(posedge clk) if (en) bin_q <= q;
endmodule
