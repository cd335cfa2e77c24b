// Motorised door lock: drive the motor to unlock, hold the door open, drive it
// to lock again. Motor runs and the open hold never overlap and are separated
// by a state change: one timer, cleared on every state change.
module door_lock (
    input  logic clk,
    input  logic rst_n,
    input  logic open_req,
    output logic motor_on,
    output logic motor_dir,
    output logic is_open
);
    typedef enum logic [1:0] {LOCKED, UNLOCKING, OPEN, LOCKING} st_t;

    st_t        state, nxt;
    logic [5:0] t;

    always_comb begin
        nxt = state;
        unique case (state)
            LOCKED:    if (open_req) nxt = UNLOCKING;
            UNLOCKING: if (t == 6'd5) nxt = OPEN;
            OPEN:      if (t == 6'd39) nxt = LOCKING;
            LOCKING:   if (t == 6'd5) nxt = LOCKED;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= LOCKED;
            t     <= '0;
        end else begin
            state <= nxt;
            if (nxt != state || state == LOCKED) t <= '0;
            else                                 t <= t + 6'd1;
        end
    end

    assign motor_on  = (state == UNLOCKING) || (state == LOCKING);
    assign motor_dir = (state == UNLOCKING);
    assign is_open   = (state == OPEN);
endmodule
