// Reference: the bar register is loaded with thermo(v) whenever vol is loaded
// with v (and at reset), so it always equals thermo(vol): 20 flops become 20
// comparators on a 5-bit value.
module osd_volume (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        up,
    input  logic        down,
    input  logic        mute_key,
    output logic [4:0]  vol,
    output logic [19:0] bar,
    output logic        muted
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            vol   <= 5'd6;
            muted <= 1'b0;
        end else begin
            if (mute_key) muted <= ~muted;
            if (up && !down && vol != 5'd20) begin
                vol   <= vol + 1'b1;
                muted <= 1'b0;
            end else if (down && !up && vol != '0) begin
                vol <= vol - 1'b1;
            end
        end
    end

    always_comb
        for (int i = 0; i < 20; i++) bar[i] = (i < vol);
endmodule
