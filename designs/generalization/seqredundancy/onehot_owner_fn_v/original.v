// DMA channel grant tracker: a rotating-free fixed-priority picker (function), the
// granted channel kept as an index, a busy flag and a one-hot grant vector written in
// separate always blocks. The one-hot vector is (busy ? 1 << chan : 0).
module dma_grant (
    input  wire       clk,
    input  wire       rst,
    input  wire [5:0] req,
    input  wire       done,
    output reg  [2:0] chan,
    output reg        busy,
    output reg  [5:0] gnt
);
    function [2:0] first_set;
        input [5:0] v;
        integer i;
        begin
            first_set = 3'd0;
            for (i = 5; i >= 0; i = i - 1)
                if (v[i]) first_set = i;
        end
    endfunction

    function [5:0] onehot6;
        input [2:0] k;
        onehot6 = 6'b000001 << k;
    endfunction

    wire start = !busy && (req != 6'd0);
    wire [2:0] nxt = first_set(req);

    always @(posedge clk)
        if (rst)        busy <= 1'b0;
        else if (start) busy <= 1'b1;
        else if (done)  busy <= 1'b0;

    always @(posedge clk)
        if (rst)        chan <= 3'd0;
        else if (start) chan <= nxt;

    always @(posedge clk)
        if (rst)                gnt <= 6'd0;
        else if (start)         gnt <= onehot6(nxt);
        else if (busy && done)  gnt <= 6'd0;
endmodule
