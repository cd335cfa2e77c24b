// Bipolar stepper phase sequencer (full step): a 2-bit index moves up or down; the 4-bit
// bridge pattern is a function of the next index and is registered in its own process,
// beside the index register, inside a child module.
module bridge_seq (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    input  logic       rev,
    output logic [3:0] drive,
    output logic [1:0] idx
);
    function automatic logic [3:0] pattern(input logic [1:0] p);
        unique case (p)
            2'd0: pattern = 4'b1010;
            2'd1: pattern = 4'b0110;
            2'd2: pattern = 4'b0101;
            default: pattern = 4'b1001;
        endcase
    endfunction
    logic [1:0] idx_n;
    always_comb idx_n = adv ? (rev ? idx - 2'd1 : idx + 2'd1) : idx;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) idx <= 2'd0;
        else        idx <= idx_n;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) drive <= 4'b1010;
        else        drive <= pattern(idx_n);
endmodule

module bridge_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    input  logic       rev,
    output logic [3:0] drive,
    output logic [1:0] pos
);
    bridge_seq u_seq (.clk(clk), .rst_n(rst_n), .adv(adv), .rev(rev), .drive(drive), .idx(pos));
endmodule
