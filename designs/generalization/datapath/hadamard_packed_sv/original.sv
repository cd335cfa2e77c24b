// Sequency-ordered Hadamard of a 4-sample block (packed arrays, always_comb), rows in a different
// order and with the pair structure (0,2)(1,3) rather than (0,1)(2,3).
module seqhad #(parameter int W = 6) (
    input  logic signed [3:0][W-1:0] u,
    output logic signed [3:0][W+1:0] v
);
    always_comb begin
        v[0] = $signed(u[0]) + $signed(u[1]) + $signed(u[2]) + $signed(u[3]);
        v[1] = $signed(u[0]) - $signed(u[1]) + $signed(u[2]) - $signed(u[3]);
        v[2] = $signed(u[0]) + $signed(u[1]) - $signed(u[2]) - $signed(u[3]);
        v[3] = $signed(u[0]) - $signed(u[1]) - $signed(u[2]) + $signed(u[3]);
    end
endmodule

module seqhad_top (
    input  logic              clk,
    input  logic signed [3:0][5:0] u,
    output logic signed [3:0][7:0] v
);
    logic signed [3:0][7:0] t;
    seqhad #(.W(6)) u_h (.u(u), .v(t));
    always_ff @(posedge clk) v <= t;
endmodule
