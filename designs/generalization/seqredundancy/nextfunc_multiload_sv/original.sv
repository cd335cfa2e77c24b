// Window-mask register (SystemVerilog): a command either steps the window size or loads it; the
// registered mask is computed from the new size in every branch (a function with a loop).
module win_mask #(
    parameter int N = 12
) (
    input  logic                 clk,
    input  logic                 rst_n,
    input  logic [1:0]           cmd,
    input  logic [$clog2(N)-1:0] ld,
    output logic [$clog2(N)-1:0] sz,
    output logic [N-1:0]         mask
);
    localparam int SW = $clog2(N);

    function automatic logic [N-1:0] low_ones(input logic [SW-1:0] k);
        for (int i = 0; i < N; i++) low_ones[i] = (i <= k);
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            sz   <= SW'(1);
            mask <= low_ones(SW'(1));
        end else begin
            case (cmd)
                2'b01: begin
                    sz   <= sz + 1'b1;
                    mask <= low_ones(sz + 1'b1);
                end
                2'b10: begin
                    sz   <= ld;
                    mask <= low_ones(ld);
                end
                default: ;
            endcase
        end
    end
endmodule

module win_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [1:0] cmd,
    input  logic [3:0] ld,
    output logic [3:0] sz,
    output logic [9:0] mask
);
    win_mask #(.N(10)) u (.*);
endmodule
