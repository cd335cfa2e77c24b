// Fixed-latency pipeline with a valid bit per stage; the occupancy is the number of valid
// stages and busy is their OR (no extra counter state).
module pipe_track #(
    parameter W      = 8,
    parameter STAGES = 6
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         in_valid,
    input  wire [W-1:0] in_data,
    output wire         out_valid,
    output wire [W-1:0] out_data,
    output wire         busy,
    output reg  [$clog2(STAGES+1)-1:0] inflight
);
    wire [STAGES:0]     v;
    wire [W*(STAGES+1)-1:0] d;
    assign v[0] = in_valid;
    assign d[W-1:0] = in_data;

    genvar s;
    generate
        for (s = 0; s < STAGES; s = s + 1) begin : g_stage
            reg         vr;
            reg [W-1:0] dr;
            always @(posedge clk) begin
                if (rst) begin
                    vr <= 1'b0;
                    dr <= {W{1'b0}};
                end else begin
                    vr <= v[s];
                    dr <= d[s*W +: W];
                end
            end
            assign v[s+1] = vr;
            assign d[(s+1)*W +: W] = dr;
        end
    endgenerate

    assign out_valid = v[STAGES];
    assign out_data  = d[STAGES*W +: W];
    assign busy      = |v[STAGES:1];

    integer k;
    always @(*) begin
        inflight = 0;
        for (k = 1; k <= STAGES; k = k + 1)
            inflight = inflight + v[k];
    end
endmodule
