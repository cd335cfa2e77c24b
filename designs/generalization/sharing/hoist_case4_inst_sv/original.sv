// Four quadrature-encoder channels deliver Gray-coded positions; each channel
// has its own Gray-to-binary converter and a round-robin pointer chooses the
// channel whose position is logged.
module gray2bin #(
    parameter int W = 7
) (
    input  logic [W-1:0] g,
    output logic [W-1:0] b
);
    always_comb begin
        b[W-1] = g[W-1];
        for (int i = W - 2; i >= 0; i--)
            b[i] = b[i+1] ^ g[i];
    end
endmodule

module hoist_case4_inst_sv (
    input  logic       clk,
    input  logic       rst,
    input  logic [6:0] pos0,
    input  logic [6:0] pos1,
    input  logic [6:0] pos2,
    input  logic [6:0] pos3,
    output logic [1:0] ch,
    output logic [6:0] logged
);
    logic [6:0] b0, b1, b2, b3, cur;

    gray2bin #(.W(7)) u_c0 (.g(pos0), .b(b0));
    gray2bin #(.W(7)) u_c1 (.g(pos1), .b(b1));
    gray2bin #(.W(7)) u_c2 (.g(pos2), .b(b2));
    gray2bin #(.W(7)) u_c3 (.g(pos3), .b(b3));

    always_ff @(posedge clk)
        if (rst) ch <= '0;
        else     ch <= ch + 2'd1;

    always_comb
        unique case (ch)
            2'd0:    cur = b0;
            2'd1:    cur = b1;
            2'd2:    cur = b2;
            default: cur = b3;
        endcase

    always_ff @(posedge clk)
        if (rst) logged <= '0;
        else     logged <= cur;
endmodule
