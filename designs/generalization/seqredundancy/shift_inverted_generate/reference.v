module shift_dual #(parameter W = 8, parameter N = 4) (
    input          clk,
    input          rst,
    input          en,
    input  [W-1:0] din,
    output [W-1:0] dout,
    output [W-1:0] dout_n
);
    reg [W-1:0] d_q [0:N-1];
    integer k;
    always @(posedge clk) begin
        if (rst) begin
            for (k = 0; k < N; k = k + 1) d_q[k] <= {W{1'b0}};
        end else if (en) begin
            d_q[0] <= din;
            for (k = 1; k < N; k = k + 1) d_q[k] <= d_q[k-1];
        end
    end
    assign dout   = d_q[N-1];
    assign dout_n = ~d_q[N-1];
endmodule
