module sat_mix (
    input  wire        clk,
    input  wire [11:0] ch_a,
    input  wire [11:0] ch_b,
    input  wire [3:0]  vol,
    output reg  [11:0] mix_out,
    output reg         clip
);
    wire [12:0] s   = ch_a + ch_b;
    wire [11:0] sat = s[11:0] | {12{s[12]}};
    always @(posedge clk) begin
        mix_out <= (vol == 4'd0) ? 12'd0 : sat >> ~vol;
        clip    <= s[12] & (&vol);
    end
endmodule
