// Motorised door lock: drive the motor to unlock, hold the door open, drive it
// to lock again. The motor run time and the open hold time each have a timer,
// counting in their own states and cleared (begin/end else) everywhere else.
module door_lock (
    input  logic clk,
    input  logic rst_n,
    input  logic open_req,
    output logic motor_on,
    output logic motor_dir,
    output logic is_open
);
    typedef enum logic [1:0] {LOCKED, UNLOCKING, OPEN, LOCKING} st_t;

    st_t        state;
    logic [2:0] run_t;
    logic [5:0] hold_t;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state  <= LOCKED;
            run_t  <= '0;
            hold_t <= '0;
        end else begin
            if (state == UNLOCKING || state == LOCKING) begin
                run_t <= run_t + 3'd1;
            end else begin
                run_t <= '0;
            end
            if (state == OPEN) begin
                hold_t <= hold_t + 6'd1;
            end else begin
                hold_t <= '0;
            end
            unique case (state)
                LOCKED:    if (open_req) state <= UNLOCKING;
                UNLOCKING: if (run_t == 3'd5) state <= OPEN;
                OPEN:      if (hold_t == 6'd39) state <= LOCKING;
                LOCKING:   if (run_t == 3'd5) state <= LOCKED;
            endcase
        end
    end

    assign motor_on  = (state == UNLOCKING) || (state == LOCKING);
    assign motor_dir = (state == UNLOCKING);
    assign is_open   = (state == OPEN);
endmodule
