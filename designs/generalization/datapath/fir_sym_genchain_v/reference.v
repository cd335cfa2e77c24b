// Mirrored taps pre-added (one bit wider), one multiplier per coefficient.
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
    wire [OW-1:0] ps [0:N/2];

    integer s;
    always @(posedge clk) begin
        dl[0] <= din;
        for (s = 1; s < N; s = s + 1)
            dl[s] <= dl[s-1];
    end

    assign ps[0] = {OW{1'b0}};
    genvar t;
    generate
        for (t = 0; t < N / 2; t = t + 1) begin : g_pair
            wire [W:0] pre = dl[t] + dl[N-1-t];
            assign ps[t+1] = ps[t] + pre * h[t*CW +: CW];
        end
    endgenerate

    always @(posedge clk)
        dout <= ps[N/2];
endmodule
