// Single-stream stride prefetcher: learns the distance between consecutive
// miss addresses and, once confident, issues a prefetch DIST strides ahead.
module stride_table #(
    parameter int AW   = 32,
    parameter int CMAX = 3
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          miss,
    input  logic [AW-1:0] addr,
    output logic [AW-1:0] stride,
    output logic [7:0]    conf
);
    localparam int CW = $clog2(CMAX + 1);
    logic [AW-1:0] last;
    logic [AW-1:0] delta;
    logic [CW-1:0] c;

    assign conf = 8'(c);

    assign delta = addr - last;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            last   <= '0;
            stride <= '0;
            c      <= '0;
        end else if (miss) begin
            last <= addr;
            if (delta == stride) begin
                if (c != CMAX) c <= c + 1'b1;
            end else begin
                stride <= delta;
                if (c != 0) c <= c - 1'b1;
            end
        end
    end
endmodule

module stride_pf #(
    parameter int AW     = 32,
    parameter int DIST   = 4,
    parameter int THRESH = 2
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          miss,
    input  logic [AW-1:0] addr,
    output logic          pf_valid,
    output logic [AW-1:0] pf_addr
);
    logic [AW-1:0] stride;
    logic [7:0]    conf;

    stride_table #(.AW(AW), .CMAX(3)) u_tab (.clk, .rst_n, .miss, .addr, .stride, .conf);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            pf_valid <= 1'b0;
            pf_addr  <= '0;
        end else begin
            pf_valid <= miss && conf >= THRESH;
            pf_addr  <= addr + stride * DIST;
        end
    end
endmodule

module pf_top (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        miss,
    input  logic [15:0] addr,
    output logic        pf_valid,
    output logic [15:0] pf_addr
);
    stride_pf #(.AW(16), .DIST(2), .THRESH(2)) u_pf (.*);
endmodule
