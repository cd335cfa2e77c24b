// Single-car elevator controller, hand-optimized: the two door states behave
// identically (merged), and the door timer is sized from DOOR_T.
module car_ctrl #(
    parameter int DOOR_T = 500,
    parameter int TW     = 16
) (
    input  logic clk,
    input  logic rst_n,
    input  logic call_up,
    input  logic call_dn,
    input  logic at_floor,
    output logic motor_up,
    output logic motor_dn,
    output logic door_open,
    output logic busy
);
    localparam int CW = (DOOR_T > 1) ? $clog2(DOOR_T) : 1;

    typedef enum logic [1:0] {
        IDLE,
        MOVE_UP,
        MOVE_DN,
        DOOR
    } state_t;

    state_t        state, state_n;
    logic [CW-1:0] door_tmr;
    logic          door_done;

    assign door_done = (door_tmr == CW'(DOOR_T - 1));

    always_comb begin
        state_n = state;
        unique case (state)
            IDLE:    if (call_up) state_n = MOVE_UP;
                     else if (call_dn) state_n = MOVE_DN;
            MOVE_UP: if (at_floor) state_n = DOOR;
            MOVE_DN: if (at_floor) state_n = DOOR;
            DOOR:    if (door_done) state_n = IDLE;
            default: state_n = IDLE;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state    <= IDLE;
            door_tmr <= '0;
        end else begin
            state <= state_n;
            if (state == DOOR && !door_done)
                door_tmr <= door_tmr + 1'b1;
            else
                door_tmr <= '0;
        end
    end

    assign motor_up  = (state == MOVE_UP);
    assign motor_dn  = (state == MOVE_DN);
    assign door_open = (state == DOOR);
    assign busy      = (state != IDLE);
endmodule

module dumbwaiter (
    input  logic clk,
    input  logic rst_n,
    input  logic call_up,
    input  logic call_dn,
    input  logic at_floor,
    output logic motor_up,
    output logic motor_dn,
    output logic door_open,
    output logic busy
);
    car_ctrl #(.DOOR_T(20)) u_car (.*);
endmodule
