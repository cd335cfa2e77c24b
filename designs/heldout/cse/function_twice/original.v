module sat_mix (
    input  wire        clk,
    input  wire [11:0] ch_a,
    input  wire [11:0] ch_b,
    input  wire [3:0]  vol,
    output reg  [11:0] mix_out,
    output reg         clip
);
    function [11:0] sat_add;
        input [11:0] x;
        input [11:0] y;
        reg   [12:0] s;
        begin
            s = x + y;
            sat_add = s[12] ? 12'hFFF : s[11:0];
        end
    endfunction

    function clipped;
        input [11:0] x;
        input [11:0] y;
        reg   [12:0] s;
        begin
            s = x + y;
            clipped = s[12];
        end
    endfunction

    always @(posedge clk) begin
        mix_out <= (vol == 4'd0) ? 12'd0 : sat_add(ch_a, ch_b) >> (4'd15 - vol);
    end

    always @(posedge clk) begin
        clip <= clipped(ch_b, ch_a) && (vol == 4'd15);
    end
endmodule
