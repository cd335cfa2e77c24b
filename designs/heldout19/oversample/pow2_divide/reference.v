// ADC oversampling averager: 2^k samples are summed and the mean is reported.
module avg_div #(
    parameter SW = 11,
    parameter KW = 2
) (
    input  [SW-1:0] sum,
    input  [KW-1:0] k,
    output [SW-1:0] mean
);
    // dividing by 2^k is a right shift by k
    assign mean = sum >> k;
endmodule

module adc_oversampler (
    input             clk,
    input             rst_n,
    input             sample_v,
    input      [9:0]  sample,
    input      [2:0]  k_cfg,          // log2 of the ratio, 0..4 used
    output reg        mean_v,
    output reg [9:0]  mean
);
    wire [2:0]  k = (k_cfg > 3'd4) ? 3'd4 : k_cfg;
    reg  [13:0] acc;
    reg  [4:0]  cnt;
    wire [13:0] sum = acc + sample;
    wire [13:0] q;
    avg_div #(.SW(14), .KW(3)) u_div (.sum(sum), .k(k), .mean(q));
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            acc    <= 14'd0;
            cnt    <= 5'd0;
            mean_v <= 1'b0;
            mean   <= 10'd0;
        end else begin
            mean_v <= 1'b0;
            if (sample_v) begin
                if (cnt == (5'd1 << k) - 5'd1) begin
                    acc    <= 14'd0;
                    cnt    <= 5'd0;
                    mean_v <= 1'b1;
                    mean   <= q[9:0];
                end else begin
                    acc <= sum;
                    cnt <= cnt + 5'd1;
                end
            end
        end
endmodule
