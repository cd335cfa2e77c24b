// Pattern detector with its one-cycle-late shadow: the live outputs registered.
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
    logic err_w;
    seq_det #(.PAT(4'b1101)) u_live (.clk, .srst, .vld, .bit_i, .hit, .pos, .err(err_w));
    // the shadow is the live detector one cycle later
    always_ff @(posedge clk)
        if (srst) begin hit_t <= 1'b0; pos_t <= 2'd0; err_t <= 1'b0; end
        else      begin hit_t <= hit;  pos_t <= pos;  err_t <= err_w; end
endmodule
