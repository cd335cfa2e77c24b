// Washing machine cycle controller, hand-optimized: 3-bit binary state,
// actuator outputs decoded from the state, timer sized for the longest phase.
module wash_seq #(
    parameter WASH_T = 1200,
    parameter SPIN_T = 600
) (
    input  wire clk,
    input  wire rst,
    input  wire start,
    input  wire level_full,
    input  wire level_empty,
    output wire valve,
    output wire motor,
    output wire pump,
    output wire done
);
    localparam TMAX = (WASH_T > SPIN_T) ? WASH_T : SPIN_T;
    localparam TW   = (TMAX > 1) ? $clog2(TMAX) : 1;

    localparam S_IDLE  = 3'd0;
    localparam S_FILL  = 3'd1;
    localparam S_WASH  = 3'd2;
    localparam S_DRAIN = 3'd3;
    localparam S_SPIN  = 3'd4;
    localparam S_DONE  = 3'd5;

    reg [2:0]    state;
    reg [TW-1:0] tmr;

    always @(posedge clk) begin
        if (rst) begin
            state <= S_IDLE;
            tmr   <= {TW{1'b0}};
        end else begin
            case (state)
                S_IDLE:  if (start) state <= S_FILL;
                S_FILL:  if (level_full) begin state <= S_WASH; tmr <= {TW{1'b0}}; end
                S_WASH:  if (tmr == WASH_T - 1) state <= S_DRAIN; else tmr <= tmr + 1'b1;
                S_DRAIN: if (level_empty) begin state <= S_SPIN; tmr <= {TW{1'b0}}; end
                S_SPIN:  if (tmr == SPIN_T - 1) state <= S_DONE; else tmr <= tmr + 1'b1;
                S_DONE:  if (!start) state <= S_IDLE;
                default: state <= S_IDLE;
            endcase
        end
    end

    assign valve = (state == S_FILL);
    assign motor = (state == S_WASH) || (state == S_SPIN);
    assign pump  = (state == S_DRAIN) || (state == S_SPIN);
    assign done  = (state == S_DONE);
endmodule

module washer_ctrl (
    input  wire clk,
    input  wire rst,
    input  wire start,
    input  wire level_full,
    input  wire level_empty,
    output wire valve,
    output wire motor,
    output wire pump,
    output wire done
);
    wash_seq #(.WASH_T(40), .SPIN_T(25)) u_seq (
        .clk(clk), .rst(rst), .start(start), .level_full(level_full), .level_empty(level_empty),
        .valve(valve), .motor(motor), .pump(pump), .done(done)
    );
endmodule
