// Additive (synchronous) scrambler, x^16 + x^14 + x^13 + x^11 + 1, 8 bits per cycle.
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
    output reg        mon_err
);
    wire [7:0] ks_tx, ks_mon;
    lfsr16_x8 u_tx  (.clk(clk), .rst(rst), .adv(vld), .ks(ks_tx));
    lfsr16_x8 u_mon (.clk(clk), .rst(rst), .adv(vld), .ks(ks_mon));
    // monitor descrambles what was sent and compares with the input (catches upsets)
    wire [7:0] scr = din ^ ks_tx;
    always @(posedge clk) begin
        if (rst) begin
            dout     <= 8'd0;
            dout_vld <= 1'b0;
            mon_err  <= 1'b0;
        end else begin
            dout_vld <= vld;
            if (vld) begin
                dout    <= scr;
                mon_err <= ((scr ^ ks_mon) != din);
            end
        end
    end
endmodule
