// Treadmill belt controller: ramps the belt speed up to MAX_SPEED one step
// per tick, holds, and ramps down on stop; the emergency stop cuts
// everything. One-hot state vector dispatched with unique case (1'b1).
module belt_ctrl #(
    parameter int MAX_SPEED = 200,
    parameter int SW        = 8
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          estop,
    input  logic          go,
    input  logic          stop_req,
    input  logic          tick,
    output logic [SW-1:0] speed,
    output logic          running
);
    localparam int ST_STOP = 0;
    localparam int ST_UP   = 1;
    localparam int ST_RUN  = 2;
    localparam int ST_DOWN = 3;

    logic [3:0] st;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st      <= 4'b0001;
            speed   <= '0;
            running <= 1'b0;
        end else if (estop) begin
            st      <= 4'b0001;
            speed   <= '0;
            running <= 1'b0;
        end else begin
            unique case (1'b1)
                st[ST_STOP]: begin
                    if (go) begin
                        st      <= 4'b0010;
                        running <= 1'b1;
                    end
                end
                st[ST_UP]: begin
                    if (stop_req)
                        st <= 4'b1000;
                    else if (speed == SW'(MAX_SPEED))
                        st <= 4'b0100;
                    else if (tick)
                        speed <= speed + 1'b1;
                end
                st[ST_RUN]: begin
                    if (stop_req)
                        st <= 4'b1000;
                end
                st[ST_DOWN]: begin
                    if (speed == '0) begin
                        st      <= 4'b0001;
                        running <= 1'b0;
                    end else if (tick) begin
                        speed <= speed - 1'b1;
                    end
                end
                default: begin
                    st      <= 4'b0001;
                    speed   <= '0;
                    running <= 1'b0;
                end
            endcase
        end
    end
endmodule

module treadmill (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       estop,
    input  logic       go,
    input  logic       stop_req,
    input  logic       tick,
    output logic [7:0] speed,
    output logic       running
);
    belt_ctrl #(.MAX_SPEED(12)) u_belt (.*);
endmodule
