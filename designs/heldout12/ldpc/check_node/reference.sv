// Min-sum LDPC check-node update: each outgoing message magnitude is the
// minimum of the other N-1 incoming magnitudes; its sign the XOR of the others.
module cn_update #(
    parameter int N = 6,
    parameter int W = 5
) (
    input  logic [N-1:0][W-1:0] mag_in,
    input  logic [N-1:0]        sgn_in,
    output logic [N-1:0][W-1:0] mag_out,
    output logic [N-1:0]        sgn_out
);
    // smallest and second-smallest magnitude once, plus the index of the
    // smallest; the total sign parity once (x ^ x removes the own sign)
    logic [W-1:0]         min1, min2;
    logic [$clog2(N)-1:0] idx;
    logic                 par;
    always_comb begin
        min1 = '1;
        min2 = '1;
        idx  = '0;
        par  = 1'b0;
        for (int j = 0; j < N; j++) begin
            par = par ^ sgn_in[j];
            if (mag_in[j] < min1) begin
                min2 = min1;
                min1 = mag_in[j];
                idx  = j;
            end else if (mag_in[j] < min2) begin
                min2 = mag_in[j];
            end
        end
        for (int i = 0; i < N; i++) begin
            mag_out[i] = (idx == i) ? min2 : min1;
            sgn_out[i] = par ^ sgn_in[i];
        end
    end
endmodule

module ldpc_cn (
    input  logic [5:0][5:0] m_in,
    input  logic [5:0]      s_in,
    output logic [5:0][5:0] m_out,
    output logic [5:0]      s_out
);
    cn_update #(.N(6), .W(6)) u_cn (.mag_in(m_in), .sgn_in(s_in), .mag_out(m_out), .sgn_out(s_out));
endmodule
