// Address generator for an in-place radix-2 FFT input buffer: samples are
// written in natural order and the FFT core reads them in bit-reversed order.
// The read side keeps its own reverse-carry counter (classic DSP trick).
module nat_counter #(
    parameter int LOGN = 10
) (
    input  logic            clk,
    input  logic            rst,
    input  logic            start,
    input  logic            step,
    output logic [LOGN-1:0] idx
);
    always_ff @(posedge clk) begin
        if (rst || start) idx <= '0;
        else if (step)    idx <= idx + 1'b1;
    end
endmodule

module rev_counter #(
    parameter int LOGN = 10
) (
    input  logic            clk,
    input  logic            rst,
    input  logic            start,
    input  logic            step,
    output logic [LOGN-1:0] ridx
);
    // reverse-carry increment: add 1 at the MSB and propagate toward the LSB
    function automatic logic [LOGN-1:0] rev_inc(input logic [LOGN-1:0] v);
        logic [LOGN-1:0] r;
        logic            c;
        r = v;
        c = 1'b1;
        for (int b = LOGN - 1; b >= 0; b--) begin
            r[b] = v[b] ^ c;
            c    = v[b] & c;
        end
        rev_inc = r;
    endfunction

    always_ff @(posedge clk) begin
        if (rst || start) ridx <= '0;
        else if (step)    ridx <= rev_inc(ridx);
    end
endmodule

module fft_agu #(
    parameter int LOGN = 10
) (
    input  logic            clk,
    input  logic            rst,
    input  logic            start,
    input  logic            step,
    output logic [LOGN-1:0] wr_addr,
    output logic [LOGN-1:0] rd_addr,
    output logic            last
);
    nat_counter #(.LOGN(LOGN)) u_nat (.clk, .rst, .start, .step, .idx(wr_addr));
    rev_counter #(.LOGN(LOGN)) u_rev (.clk, .rst, .start, .step, .ridx(rd_addr));
    assign last = &wr_addr;
endmodule

module agu_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic       step,
    output logic [5:0] wr_addr,
    output logic [5:0] rd_addr,
    output logic       last
);
    fft_agu #(.LOGN(6)) u_agu (.*);
endmodule
