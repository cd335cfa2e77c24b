// Fertiliser injection controller: a positive-displacement pump delivers a fixed
// volume per stroke; dosing stops at the programmed limit.
module inj_ctrl #(
    parameter STEP  = 5,     // ml per stroke
    parameter WARN  = 60,    // ml
    parameter LIMIT = 100,   // ml
    parameter VW    = 8
) (
    input      clk,
    input      rst_n,
    input      start,
    input      stroke,      // one pulse per completed pump stroke
    input      clear,
    output reg pump_en,
    output reg near_full,
    output reg full
);
    localparam IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
    // vol is always STEP * strokes: count strokes and compare with ceil(limit / STEP)
    localparam NW_STROKE = (WARN + STEP - 1) / STEP;
    localparam NL_STROKE = (LIMIT + STEP - 1) / STEP;
    localparam CW = $clog2(NL_STROKE + 1);
    reg [1:0]    state;
    reg [CW-1:0] n;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state     <= IDLE;
            n         <= {CW{1'b0}};
            pump_en   <= 1'b0;
            near_full <= 1'b0;
            full      <= 1'b0;
        end else begin
            case (state)
                IDLE: begin
                    if (clear) begin
                        n         <= {CW{1'b0}};
                        near_full <= 1'b0;
                        full      <= 1'b0;
                    end else if (start) begin
                        pump_en <= 1'b1;
                        state   <= RUN;
                    end
                end
                RUN: begin
                    if (stroke) begin
                        n <= n + 1'b1;
                        if (n + 1 >= NW_STROKE) near_full <= 1'b1;
                        if (n + 1 >= NL_STROKE) begin
                            full    <= 1'b1;
                            pump_en <= 1'b0;
                            state   <= DONE;
                        end
                    end else if (!start) begin
                        pump_en <= 1'b0;
                        state   <= IDLE;
                    end
                end
                DONE: begin
                    if (clear) begin
                        n         <= {CW{1'b0}};
                        near_full <= 1'b0;
                        full      <= 1'b0;
                        state     <= IDLE;
                    end
                end
                default: state <= IDLE;
            endcase
        end
    end
endmodule

module fert_doser (
    input  clk,
    input  rst_n,
    input  start,
    input  stroke,
    input  clear,
    output pump_en,
    output near_full,
    output full
);
    inj_ctrl #(.STEP(7), .WARN(150), .LIMIT(200), .VW(10)) u_ctrl (
        .clk(clk), .rst_n(rst_n), .start(start), .stroke(stroke), .clear(clear),
        .pump_en(pump_en), .near_full(near_full), .full(full));
endmodule
