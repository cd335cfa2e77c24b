// Garage door motor control: an enum FSM (one always_ff) whose registered motor
// outputs are set and cleared together with the state. The state is recoverable
// from the two motor flops (and each flop from the state).
module door_ctrl (
    input  logic clk,
    input  logic rst_n,
    input  logic open_req,
    input  logic close_req,
    input  logic at_top,
    input  logic at_bot,
    output logic motor_up,
    output logic motor_dn
);
    typedef enum logic [1:0] {STOP, UP, DOWN} dir_t;
    dir_t dir;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            dir      <= STOP;
            motor_up <= 1'b0;
            motor_dn <= 1'b0;
        end else begin
            case (dir)
                STOP: if (open_req) begin
                    dir      <= UP;
                    motor_up <= 1'b1;
                end else if (close_req) begin
                    dir      <= DOWN;
                    motor_dn <= 1'b1;
                end
                UP: if (at_top || close_req) begin
                    dir      <= STOP;
                    motor_up <= 1'b0;
                end
                DOWN: if (at_bot || open_req) begin
                    dir      <= STOP;
                    motor_dn <= 1'b0;
                end
                default: begin
                    dir      <= STOP;
                    motor_up <= 1'b0;
                    motor_dn <= 1'b0;
                end
            endcase
        end
    end
endmodule
