// Gray-coded frame pointer advanced by a variable stride; the binary view is rebuilt per bit by a
// generate loop (each bit the XOR of the code bits above it) and the stride sum is re-encoded by a
// function.
module frame_ptr #(
    parameter int N = 9
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         adv,
    input  logic [1:0]   stride,
    input  logic         wrap_clr,
    output logic [N-1:0] gptr,
    output logic         half
);
    function automatic [N-1:0] to_gray(input [N-1:0] v);
        to_gray = v ^ (v >> 1);
    endfunction

    logic [N-1:0] bptr;
    for (genvar i = 0; i < N; i++) begin : g_dec
        assign bptr[i] = ^(gptr >> i);
    end

    logic [N-1:0] bsum;
    assign bsum = bptr + {{(N-2){1'b0}}, stride} + 1'b1;

    always_ff @(posedge clk) begin
        if (!rst_n)        gptr <= '0;
        else if (wrap_clr) gptr <= '0;
        else if (adv)      gptr <= to_gray(bsum);
    end

    assign half = bptr[N-1];
endmodule
