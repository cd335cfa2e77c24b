// Both LFSRs start from the same seed and advance together, so the monitor keystream equals the
// transmit keystream: one instance, and (scr ^ ks) == din always, so mon_err is constant 0 after reset.
module lfsr16_x8 (
    input  wire       clk,
    input  wire       rst,
    input  wire       adv,
    output wire [7:0] ks
);
    reg [15:0] s;
    reg [15:0] n;
    reg [7:0]  k;
    integer i;
    always @* begin
        n = s;
        for (i = 0; i < 8; i = i + 1) begin
            k[i] = n[15];
            n    = {n[14:0], n[15] ^ n[13] ^ n[12] ^ n[10]};
        end
    end
    assign ks = k;
    always @(posedge clk) begin
        if (rst)      s <= 16'hACE1;
        else if (adv) s <= n;
    end
endmodule

module scrambler_link (
    input  wire       clk,
    input  wire       rst,
    input  wire       vld,
    input  wire [7:0] din,
    output reg  [7:0] dout,
    output reg        dout_vld,
    output wire       mon_err
);
    wire [7:0] ks_tx;
    lfsr16_x8 u_tx (.clk(clk), .rst(rst), .adv(vld), .ks(ks_tx));
    always @(posedge clk) begin
        if (rst) begin
            dout     <= 8'd0;
            dout_vld <= 1'b0;
        end else begin
            dout_vld <= vld;
            if (vld) dout <= din ^ ks_tx;
        end
    end
    assign mon_err = 1'b0;
endmodule
