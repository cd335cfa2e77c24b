// Bipolar stepper phase sequencer: only the index is registered, the pattern is decoded after it.
module bridge_seq (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    input  logic       rev,
    output logic [3:0] drive,
    output logic [1:0] idx
);
    logic [1:0] idx_n;
    always_comb idx_n = adv ? (rev ? idx - 2'd1 : idx + 2'd1) : idx;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) idx <= 2'd0;
        else        idx <= idx_n;
    always_comb
        unique case (idx)
            2'd0: drive = 4'b1010;
            2'd1: drive = 4'b0110;
            2'd2: drive = 4'b0101;
            default: drive = 4'b1001;
        endcase
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
