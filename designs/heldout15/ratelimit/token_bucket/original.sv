// Token-bucket rate limiter for a DMA request port.
module token_bucket #(
    parameter int TW    = 16,
    parameter int RATE  = 1,      // tokens added per refill tick
    parameter int BURST = 1000    // bucket depth
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          refill,
    input  logic          req,
    output logic          grant,
    output logic [TW-1:0] level
);
    logic [TW-1:0] tokens;
    logic [TW:0]   filled;

    always_comb begin
        filled = {1'b0, tokens};
        if (refill) begin
            if ({1'b0, tokens} + (TW+1)'(RATE) > (TW+1)'(BURST))
                filled = (TW+1)'(BURST);
            else
                filled = {1'b0, tokens} + (TW+1)'(RATE);
        end
        grant = req && (filled != '0);
    end

    always_ff @(posedge clk) begin
        if (rst)        tokens <= TW'(BURST);
        else if (grant) tokens <= filled[TW-1:0] - 1'b1;
        else            tokens <= filled[TW-1:0];
    end

    assign level = tokens;
endmodule

module dma_limiter (
    input  logic        clk,
    input  logic        rst,
    input  logic        refill,
    input  logic        req,
    output logic        grant,
    output logic [15:0] level
);
    token_bucket #(.RATE(3), .BURST(20)) u_tb (.*);
endmodule
