// Lap timer: a tick divider and two cascaded wrap counters, each its own module with
// `int` counters; the top sets the divider and the wrap points (all far below 2^31).
module tick_div #(parameter int DIV = 1000) (
    input  logic clk,
    input  logic rst_n,
    input  logic run,
    output logic tick
);
    int unsigned pre;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) pre <= 0;
        else if (run) begin
            if (pre >= DIV - 1) pre <= 0;
            else pre <= pre + 1;
        end
    end
    assign tick = run && (pre == DIV - 1);
endmodule

module wrap_count #(parameter int N = 60) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       clr,
    input  logic       inc,
    output logic       carry,
    output logic [6:0] value
);
    int unsigned c;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) c <= 0;
        else if (clr) c <= 0;
        else if (inc) c <= (c == N - 1) ? 0 : c + 1;
    end
    assign carry = inc && (c == N - 1);
    assign value = c[6:0];
endmodule

module lap_timer (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       run,
    input  logic       clr,
    output logic [6:0] hundredths,
    output logic [6:0] seconds,
    output logic       minute
);
    logic t, c0;
    tick_div #(.DIV(40)) u_div (.clk(clk), .rst_n(rst_n), .run(run), .tick(t));
    wrap_count #(.N(100)) u_h (.clk(clk), .rst_n(rst_n), .clr(clr), .inc(t), .carry(c0), .value(hundredths));
    wrap_count #(.N(60)) u_s (.clk(clk), .rst_n(rst_n), .clr(clr), .inc(c0), .carry(minute), .value(seconds));
endmodule
