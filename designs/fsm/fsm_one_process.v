// One-process FSM: state and registered outputs in one clocked block, synchronous reset,
// default assignments before the case, nested ifs. WAIT1 and WAIT2 are equivalent (5 -> 4 states).
module fsm_one_process (
    input  wire clk,
    input  wire rst,
    input  wire start,
    input  wire stop,
    output reg  busy,
    output reg  done
);
    localparam IDLE = 3'd0, RUN = 3'd1, WAIT1 = 3'd2, WAIT2 = 3'd3, DONE = 3'd4;
    reg [2:0] state;

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            busy  <= 1'b0;
            done  <= 1'b0;
        end else begin
            busy <= 1'b0;
            done <= 1'b0;
            case (state)
                IDLE: if (start) begin
                    state <= RUN;
                    busy  <= 1'b1;
                end
                RUN: begin
                    busy <= 1'b1;
                    if (stop) state <= WAIT1;
                    else if (start) state <= WAIT2;
                end
                WAIT1: begin
                    if (stop) begin
                        state <= DONE;
                        done  <= 1'b1;
                    end else begin
                        state <= WAIT1;
                    end
                end
                WAIT2: if (stop) begin
                    state <= DONE;
                    done  <= 1'b1;
                end
                DONE: state <= IDLE;
                default: state <= IDLE;
            endcase
        end
    end
endmodule
