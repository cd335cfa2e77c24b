// Reference: the motor outputs are the state's decodes.
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
        if (!rst_n) dir <= STOP;
        else begin
            case (dir)
                STOP: if (open_req) dir <= UP;
                      else if (close_req) dir <= DOWN;
                UP:   if (at_top || close_req) dir <= STOP;
                DOWN: if (at_bot || open_req) dir <= STOP;
                default: dir <= STOP;
            endcase
        end
    end

    assign motor_up = (dir == UP);
    assign motor_dn = (dir == DOWN);
endmodule
