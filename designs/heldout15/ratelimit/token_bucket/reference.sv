// Token-bucket rate limiter: tokens never exceed BURST, so the bucket is
// kept in $clog2(BURST+1) bits and the saturation test compares the old
// level with BURST-RATE (no wide add before the compare).
module token_bucket #(
    parameter int TW    = 16,
    parameter int RATE  = 1,
    parameter int BURST = 1000
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          refill,
    input  logic          req,
    output logic          grant,
    output logic [TW-1:0] level
);
    localparam int BW = $clog2(BURST + 1);

    logic [BW-1:0] tokens;
    logic [BW-1:0] filled;

    always_comb begin
        filled = tokens;
        if (refill)
            filled = (tokens > BW'(BURST - RATE)) ? BW'(BURST) : tokens + BW'(RATE);
        grant = req && (filled != '0);
    end

    always_ff @(posedge clk) begin
        if (rst)        tokens <= BW'(BURST);
        else if (grant) tokens <= filled - 1'b1;
        else            tokens <= filled;
    end

    assign level = TW'(tokens);
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
