// Linear-phase 8-tap FIR with run-time coefficients: a register delay line, one product per tap in
// a generate loop (tap t reads coefficient min(t, N-1-t)), partial sums chained through a second
// generate loop, the result registered.
module eq_fir8 #(
    parameter N  = 8,
    parameter W  = 6,
    parameter CW = 5,
    parameter PW = W + CW,
    parameter OW = PW + 3
) (
    input                   clk,
    input  [W-1:0]          din,
    input  [(N/2)*CW-1:0]   h,
    output reg [OW-1:0]     dout
);
    reg  [W-1:0]  dl [0:N-1];
    wire [PW-1:0] p  [0:N-1];
    wire [OW-1:0] ps [0:N];

    integer s;
    always @(posedge clk) begin
        dl[0] <= din;
        for (s = 1; s < N; s = s + 1)
            dl[s] <= dl[s-1];
    end

    genvar t;
    generate
        for (t = 0; t < N; t = t + 1) begin : g_mul
            if (t < N / 2) begin : g_lo
                assign p[t] = dl[t] * h[t*CW +: CW];
            end else begin : g_hi
                assign p[t] = dl[t] * h[(N-1-t)*CW +: CW];
            end
        end
    endgenerate

    assign ps[0] = {OW{1'b0}};
    generate
        for (t = 0; t < N; t = t + 1) begin : g_acc
            assign ps[t+1] = ps[t] + p[t];
        end
    endgenerate

    always @(posedge clk)
        dout <= ps[N];
endmodule
