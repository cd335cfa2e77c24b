// Pattern detector with a one-cycle-late shadow for a registered trace port: the
// shadow replays the detector on the packed, registered {vld, bit}; its error
// flag is read although the live detector's is left unconnected.
module seq_det #(parameter logic [3:0] PAT = 4'b1011) (
    input  logic       clk,
    input  logic       srst,
    input  logic       vld,
    input  logic       bit_i,
    output logic       hit,
    output logic [1:0] pos,
    output logic       err
);
    typedef enum logic [2:0] {S0, S1, S2, S3, SH} st_t;
    st_t st;
    always_ff @(posedge clk) begin
        if (srst) st <= S0;
        else if (vld) begin
            unique case (st)
                S0: st <= (bit_i == PAT[3]) ? S1 : S0;
                S1: st <= (bit_i == PAT[2]) ? S2 : S0;
                S2: st <= (bit_i == PAT[1]) ? S3 : S0;
                S3: st <= (bit_i == PAT[0]) ? SH : S0;
                default: st <= S0;
            endcase
        end
    end
    assign hit = (st == SH);
    always_comb begin
        case (st)
            S1: pos = 2'd1;
            S2: pos = 2'd2;
            S3: pos = 2'd3;
            default: pos = 2'd0;
        endcase
    end
    assign err = vld && (st == S3) && (bit_i != PAT[0]);
endmodule

module det_trace (
    input  logic       clk,
    input  logic       srst,
    input  logic       vld,
    input  logic       bit_i,
    output logic       hit,
    output logic [1:0] pos,
    output logic       hit_t,
    output logic [1:0] pos_t,
    output logic       err_t
);
    logic [1:0] tr_q;
    always_ff @(posedge clk)
        if (srst) tr_q <= '0;
        else      tr_q <= {vld, bit_i};
    seq_det #(.PAT(4'b1101)) u_live (.clk, .srst, .vld, .bit_i, .hit, .pos);
    seq_det #(.PAT(4'b1101)) u_shadow (
        .clk, .srst, .vld(tr_q[1]), .bit_i(tr_q[0]), .hit(hit_t), .pos(pos_t), .err(err_t)
    );
endmodule
