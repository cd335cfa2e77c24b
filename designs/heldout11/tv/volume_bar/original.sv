// TV on-screen-display volume control: up/down keys with auto-repeat handled
// elsewhere; the OSD bar graph (one segment per step) is a registered
// thermometer code so the OSD renderer sees a clean value.
module volume_ctl #(
    parameter int VMAX  = 31,
    parameter int VINIT = 10
) (
    input  logic                     clk,
    input  logic                     rst_n,
    input  logic                     up,
    input  logic                     down,
    input  logic                     mute_key,
    output logic [$clog2(VMAX+1)-1:0] vol,
    output logic [VMAX-1:0]          bar,
    output logic                     muted
);
    localparam int VW = $clog2(VMAX + 1);

    function automatic logic [VMAX-1:0] thermo(input logic [VW-1:0] v);
        for (int i = 0; i < VMAX; i++) thermo[i] = (i < v);
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            vol   <= VW'(VINIT);
            bar   <= thermo(VW'(VINIT));
            muted <= 1'b0;
        end else begin
            if (mute_key) muted <= ~muted;
            if (up && !down && vol != VW'(VMAX)) begin
                vol   <= vol + 1'b1;
                bar   <= thermo(vol + 1'b1);
                muted <= 1'b0;
            end else if (down && !up && vol != '0) begin
                vol <= vol - 1'b1;
                bar <= thermo(vol - 1'b1);
            end
        end
    end
endmodule

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
    volume_ctl #(.VMAX(20), .VINIT(6)) u_vol (.*);
endmodule
