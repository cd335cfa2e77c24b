// Multi-lane scrambler: each lane is two stage instances (synchronous
// active-high reset on every register, data held while not valid); the lanes
// are built by a generate loop and their data is ANDed with the valid bit.
module lane_stage #(
    parameter int W = 8
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         vin,
    input  logic [W-1:0] din,
    output logic         vout,
    output logic [W-1:0] dout
);
    always_ff @(posedge clk) begin
        if (rst) begin
            vout <= 1'b0;
            dout <= '0;
        end else begin
            vout <= vin;
            if (vin)
                dout <= din ^ {din[W-2:0], din[W-1]};
        end
    end
endmodule

module lane_scrambler #(
    parameter int L = 3,
    parameter int W = 8
) (
    input  logic           clk,
    input  logic           rst,
    input  logic [L-1:0]   in_vld,
    input  logic [L*W-1:0] in_dat,
    output logic [L-1:0]   out_vld,
    output logic [L*W-1:0] out_dat
);
    for (genvar g = 0; g < L; g++) begin : g_lane
        logic         v1, v2;
        logic [W-1:0] d1, d2;
        lane_stage #(.W(W)) s1 (.clk, .rst, .vin(in_vld[g]), .din(in_dat[g*W +: W]), .vout(v1), .dout(d1));
        lane_stage #(.W(W)) s2 (.clk, .rst, .vin(v1), .din(d1), .vout(v2), .dout(d2));
        assign out_vld[g]       = v2;
        assign out_dat[g*W +: W] = d2 & {W{v2}};
    end
endmodule
