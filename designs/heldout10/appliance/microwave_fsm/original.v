// Microwave oven controller: cook time is loaded, START runs the magnetron
// (door must be closed), opening the door or STOP pauses, a second STOP
// cancels; at the end the buzzer sounds three times.
module mw_ctrl (
    input            clk,
    input            rst,
    input            set_valid,
    input      [9:0] set_secs,
    input            key_start,
    input            key_stop,
    input            door_open,
    input            tick_1s,
    output reg       magnetron,
    output reg       lamp,
    output reg       buzzer,
    output reg [9:0] secs
);
    localparam IDLE  = 3'd0,
               SET   = 3'd1,
               COOK  = 3'd2,
               PAUSE = 3'd3,
               DONE  = 3'd4;

    reg [2:0] state;
    reg [1:0] beeps;

    always @(posedge clk) begin
        if (rst) begin
            state     <= IDLE;
            secs      <= 10'd0;
            beeps     <= 2'd0;
            magnetron <= 1'b0;
            lamp      <= 1'b0;
            buzzer    <= 1'b0;
        end else begin
            case (state)
                IDLE: if (set_valid) begin
                    secs  <= set_secs;
                    state <= SET;
                end
                SET: begin
                    if (key_stop) begin
                        secs  <= 10'd0;
                        state <= IDLE;
                    end else if (key_start && !door_open && secs != 10'd0) begin
                        state     <= COOK;
                        magnetron <= 1'b1;
                        lamp      <= 1'b1;
                    end
                end
                COOK: begin
                    if (door_open || key_stop) begin
                        state     <= PAUSE;
                        magnetron <= 1'b0;
                    end else if (tick_1s) begin
                        secs <= secs - 10'd1;
                        if (secs == 10'd1) begin
                            state     <= DONE;
                            magnetron <= 1'b0;
                            lamp      <= 1'b0;
                            beeps     <= 2'd3;
                        end
                    end
                end
                PAUSE: begin
                    if (key_stop && !door_open) begin
                        secs  <= 10'd0;
                        state <= IDLE;
                        lamp  <= 1'b0;
                    end else if (key_start && !door_open) begin
                        state     <= COOK;
                        magnetron <= 1'b1;
                    end
                end
                DONE: begin
                    if (tick_1s) begin
                        buzzer <= ~buzzer;
                        if (buzzer) begin
                            beeps <= beeps - 2'd1;
                            if (beeps == 2'd1) state <= IDLE;
                        end
                    end
                end
                default: state <= IDLE;
            endcase
        end
    end
endmodule

module oven_top (
    input        clk,
    input        rst,
    input        set_valid,
    input  [9:0] set_secs,
    input        key_start,
    input        key_stop,
    input        door_open,
    input        tick_1s,
    output       magnetron,
    output       lamp,
    output       buzzer,
    output [9:0] secs_left
);
    mw_ctrl u_ctrl (
        .clk(clk), .rst(rst), .set_valid(set_valid), .set_secs(set_secs),
        .key_start(key_start), .key_stop(key_stop), .door_open(door_open),
        .tick_1s(tick_1s), .magnetron(magnetron), .lamp(lamp),
        .buzzer(buzzer), .secs(secs_left)
    );
endmodule
