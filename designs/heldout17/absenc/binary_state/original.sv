// Absolute rotary-encoder emulator for a motor test bench: the position is
// kept as the Gray code the encoder would output; each step converts the
// code to binary, adds or subtracts one and converts it back.
module gray_pos #(
    parameter int W = 12
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         step,
    input  logic         dir,
    input  logic         zero,
    output logic [W-1:0] gray,
    output logic [W-1:0] pos
);
    function automatic [W-1:0] g2b(input [W-1:0] g);
        g2b[W-1] = g[W-1];
        for (int i = W - 2; i >= 0; i = i - 1)
            g2b[i] = g2b[i+1] ^ g[i];
    endfunction

    logic [W-1:0] nxt;
    always_comb begin
        pos = g2b(gray);
        nxt = dir ? pos - 1'b1 : pos + 1'b1;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)    gray <= '0;
        else if (zero) gray <= '0;
        else if (step) gray <= nxt ^ (nxt >> 1);
    end
endmodule

module step_sync (
    input  logic clk,
    input  logic rst_n,
    input  logic a,
    output logic rise
);
    logic [2:0] s;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) s <= '0;
        else        s <= {s[1:0], a};
    end
    assign rise = s[1] & ~s[2];
endmodule

module enc_emul (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       step_in,
    input  logic       dir,
    input  logic       zero,
    output logic [9:0] enc_gray,
    output logic [9:0] enc_pos
);
    logic step;
    step_sync            u_sync (.clk, .rst_n, .a(step_in), .rise(step));
    gray_pos #(.W(10))   u_pos  (.clk, .rst_n, .step, .dir, .zero, .gray(enc_gray), .pos(enc_pos));
endmodule
