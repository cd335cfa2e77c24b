// Serial divider (SystemVerilog): a two-state controller, a magnitude function, and the signed
// result chosen by a case on the operation: each of the two result items negates its own word.
module sdiv_case #(parameter int W = 12) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         start,
    input  logic [1:0]   op,        // 0: div, 1: divu, 2: rem, 3: remu
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    output logic [W-1:0] y,
    output logic         valid
);
    typedef enum logic {IDLE, RUN} state_t;
    state_t st;
    logic [W-1:0]   acc, quo;
    logic [2*W-2:0] dsr;
    logic [$clog2(W+1)-1:0] left;
    logic           flip;
    logic [1:0]     op_q;

    function automatic logic [W-1:0] mag(input logic [W-1:0] v, input logic sgn);
        mag = (sgn && v[W-1]) ? -v : v;
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st    <= IDLE;
            valid <= 1'b0;
            y     <= '0;
            acc   <= '0;
            quo   <= '0;
            dsr   <= '0;
            left  <= '0;
            flip  <= 1'b0;
            op_q  <= '0;
        end else begin
            valid <= 1'b0;
            unique case (st)
                IDLE: if (start) begin
                    st   <= RUN;
                    op_q <= op;
                    acc  <= mag(a, !op[0]);
                    dsr  <= mag(b, !op[0]) << (W-1);
                    quo  <= '0;
                    left <= W[$clog2(W+1)-1:0];
                    flip <= !op[0] && (op[1] ? a[W-1] : (a[W-1] != b[W-1]) && (b != '0));
                end
                RUN: if (left == '0) begin
                    st    <= IDLE;
                    valid <= 1'b1;
                    case (op_q[1])
                        1'b0: y <= flip ? -quo : quo;
                        1'b1: y <= flip ? -acc : acc;
                    endcase
                end else begin
                    if ({{(W-1){1'b0}}, acc} >= dsr) begin
                        acc <= acc - dsr[W-1:0];
                        quo <= {quo[W-2:0], 1'b1};
                    end else begin
                        quo <= {quo[W-2:0], 1'b0};
                    end
                    dsr  <= dsr >> 1;
                    left <= left - 1'b1;
                end
            endcase
        end
    end
endmodule
