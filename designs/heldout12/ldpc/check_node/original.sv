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
    always_comb begin
        for (int i = 0; i < N; i++) begin
            mag_out[i] = '1;
            sgn_out[i] = 1'b0;
            for (int j = 0; j < N; j++) begin
                if (j != i) begin
                    if (mag_in[j] < mag_out[i]) mag_out[i] = mag_in[j];
                    sgn_out[i] = sgn_out[i] ^ sgn_in[j];
                end
            end
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
