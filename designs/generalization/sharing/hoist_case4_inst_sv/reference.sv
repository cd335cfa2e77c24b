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
    logic [6:0] g, cur;

    // select the Gray code first, convert once
    gray2bin #(.W(7)) u_c (.g(g), .b(cur));

    always_ff @(posedge clk)
        if (rst) ch <= '0;
        else     ch <= ch + 2'd1;

    always_comb
        unique case (ch)
            2'd0:    g = pos0;
            2'd1:    g = pos1;
            2'd2:    g = pos2;
            default: g = pos3;
        endcase

    always_ff @(posedge clk)
        if (rst) logged <= '0;
        else     logged <= cur;
endmodule
