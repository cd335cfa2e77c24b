// Washing machine cycle controller. One-hot state register with the state
// bit positions as parameters, case (1'b1) dispatch, registered actuator
// outputs switched in the arms, and one shared phase timer.
module wash_seq #(
    parameter WASH_T = 1200,
    parameter SPIN_T = 600
) (
    input  wire clk,
    input  wire rst,
    input  wire start,
    input  wire level_full,
    input  wire level_empty,
    output reg  valve,
    output reg  motor,
    output reg  pump,
    output wire done
);
    parameter S_IDLE  = 0;
    parameter S_FILL  = 1;
    parameter S_WASH  = 2;
    parameter S_DRAIN = 3;
    parameter S_SPIN  = 4;
    parameter S_DONE  = 5;

    reg [5:0]  state;
    reg [15:0] tmr;

    always @(posedge clk) begin
        if (rst) begin
            state <= 6'b1 << S_IDLE;
            tmr   <= 16'd0;
            valve <= 1'b0;
            motor <= 1'b0;
            pump  <= 1'b0;
        end else begin
            case (1'b1)
                state[S_IDLE]: begin
                    if (start) begin
                        state <= 6'b1 << S_FILL;
                        valve <= 1'b1;
                    end
                end
                state[S_FILL]: begin
                    if (level_full) begin
                        state <= 6'b1 << S_WASH;
                        valve <= 1'b0;
                        motor <= 1'b1;
                        tmr   <= 16'd0;
                    end
                end
                state[S_WASH]: begin
                    if (tmr == WASH_T - 1) begin
                        state <= 6'b1 << S_DRAIN;
                        motor <= 1'b0;
                        pump  <= 1'b1;
                    end else begin
                        tmr <= tmr + 16'd1;
                    end
                end
                state[S_DRAIN]: begin
                    if (level_empty) begin
                        state <= 6'b1 << S_SPIN;
                        motor <= 1'b1;
                        tmr   <= 16'd0;
                    end
                end
                state[S_SPIN]: begin
                    if (tmr == SPIN_T - 1) begin
                        state <= 6'b1 << S_DONE;
                        motor <= 1'b0;
                        pump  <= 1'b0;
                    end else begin
                        tmr <= tmr + 16'd1;
                    end
                end
                state[S_DONE]: begin
                    if (!start)
                        state <= 6'b1 << S_IDLE;
                end
                default: state <= 6'b1 << S_IDLE;
            endcase
        end
    end

    assign done = state[S_DONE];
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
