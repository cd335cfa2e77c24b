// Two-channel turbine flow meter: each channel counts sensor pulses per
// measurement window and converts the count to a flow reading by dividing
// by its K-factor. The readings are refreshed in alternate update slots.
// Reference: the two dividers are never used in the same cycle, so one
// divider in the parent serves both channels on the slot's operands.
module flow_div #(
    parameter PW = 16,
    parameter KW = 8
) (
    input  wire [PW-1:0] n,
    input  wire [KW-1:0] k,
    output wire [PW-1:0] q
);
    assign q = (k == {KW{1'b0}}) ? {PW{1'b0}} : n / k;
endmodule

module flow_chan #(
    parameter PW = 16,
    parameter KW = 8
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          pulse,
    input  wire          upd,
    input  wire [PW-1:0] q,
    output reg  [PW-1:0] cnt,
    output reg  [PW-1:0] flow
);
    always @(posedge clk) begin
        if (rst) begin
            cnt <= {PW{1'b0}}; flow <= {PW{1'b0}};
        end else if (upd) begin
            flow <= q;
            cnt  <= {{(PW-1){1'b0}}, pulse};
        end else if (pulse) begin
            cnt <= cnt + 1'b1;
        end
    end
endmodule

module flow_meter (
    input  wire       clk,
    input  wire       rst,
    input  wire       win_tick,
    input  wire       pulse_a,
    input  wire       pulse_b,
    input  wire [3:0] kfac_a,
    input  wire [3:0] kfac_b,
    output wire [7:0] flow_a,
    output wire [7:0] flow_b
);
    reg slot;
    always @(posedge clk) begin
        if (rst)           slot <= 1'b0;
        else if (win_tick) slot <= ~slot;
    end
    wire [7:0] cnt_a, cnt_b, q;
    flow_div  #(.PW(8), .KW(4)) u_div (.n(slot ? cnt_b : cnt_a), .k(slot ? kfac_b : kfac_a), .q(q));
    flow_chan #(.PW(8), .KW(4)) u_a (.clk(clk), .rst(rst), .pulse(pulse_a), .upd(win_tick && !slot),
                                     .q(q), .cnt(cnt_a), .flow(flow_a));
    flow_chan #(.PW(8), .KW(4)) u_b (.clk(clk), .rst(rst), .pulse(pulse_b), .upd(win_tick && slot),
                                     .q(q), .cnt(cnt_b), .flow(flow_b));
endmodule
