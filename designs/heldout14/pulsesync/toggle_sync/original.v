// Toggle-based pulse synchronizer between a fast event source and a slow
// consumer running from the same clock with a clock enable (the classic
// prim_pulse_sync structure). The destination also exposes a toggle level
// and an event counter for software.
module ps_src (
    input  wire clk,
    input  wire rst_n,
    input  wire pulse_in,
    output reg  tog
);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)        tog <= 1'b0;
        else if (pulse_in) tog <= ~tog;
    end
endmodule

module ps_dst #(
    parameter STAGES = 2,
    parameter CW     = 16
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          ce,
    input  wire          tog_in,
    output wire          pulse_out,
    output reg           level,
    output reg  [CW-1:0] count
);
    reg [STAGES:0] sync;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)  sync <= {STAGES+1{1'b0}};
        else if (ce) sync <= {sync[STAGES-1:0], tog_in};
    end

    assign pulse_out = ce && (sync[STAGES] ^ sync[STAGES-1]);

    // software-visible toggle level and event count
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            level <= 1'b0;
            count <= {CW{1'b0}};
        end else if (pulse_out) begin
            level <= ~level;
            count <= count + 1'b1;
        end
    end
endmodule

module evt_bridge #(
    parameter STAGES = 2,
    parameter CW     = 16
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          ce_slow,
    input  wire          evt_fast,
    output wire          evt_slow,
    output wire          evt_level,
    output wire [CW-1:0] evt_count
);
    wire tog;

    ps_src u_src (.clk(clk), .rst_n(rst_n), .pulse_in(evt_fast), .tog(tog));
    ps_dst #(.STAGES(STAGES), .CW(CW)) u_dst (
        .clk(clk), .rst_n(rst_n), .ce(ce_slow), .tog_in(tog),
        .pulse_out(evt_slow), .level(evt_level), .count(evt_count)
    );
endmodule

module wake_bridge (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       ce_slow,
    input  wire       evt_fast,
    output wire       evt_slow,
    output wire       evt_level,
    output wire [7:0] evt_count
);
    evt_bridge #(.STAGES(3), .CW(8)) u_br (
        .clk(clk), .rst_n(rst_n), .ce_slow(ce_slow), .evt_fast(evt_fast),
        .evt_slow(evt_slow), .evt_level(evt_level), .evt_count(evt_count)
    );
endmodule
