// Reference: the pointer is kept in binary; the Gray output is derived from it.
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
    logic [N-1:0] bptr;
    always_ff @(posedge clk) begin
        if (!rst_n)        bptr <= '0;
        else if (wrap_clr) bptr <= '0;
        else if (adv)      bptr <= bptr + {{(N-2){1'b0}}, stride} + 1'b1;
    end
    assign gptr = bptr ^ (bptr >> 1);
    assign half = bptr[N-1];
endmodule
