// Fixed-latency pipeline of STAGES stages (generate-for over the stages) with a valid bit per
// stage. An occupancy counter tracks how many stages hold valid data; busy says the pipe is
// not empty.
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
    output reg          busy,
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

    always @(posedge clk) begin
        if (rst) begin
            inflight <= 0;
            busy     <= 1'b0;
        end else begin
            inflight <= inflight + in_valid - out_valid;
            busy     <= (inflight + in_valid - out_valid) != 0;
        end
    end
endmodule
