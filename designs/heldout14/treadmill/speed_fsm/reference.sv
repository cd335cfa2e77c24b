// Treadmill belt controller, hand-optimized: 2-bit binary state, `running`
// is the decode state != STOP, and the speed register has only the bits
// MAX_SPEED needs (the port stays SW bits wide).
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
    localparam int VW = $clog2(MAX_SPEED + 1);

    typedef enum logic [1:0] {ST_STOP, ST_UP, ST_RUN, ST_DOWN} st_t;

    st_t           st;
    logic [VW-1:0] spd;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st  <= ST_STOP;
            spd <= '0;
        end else if (estop) begin
            st  <= ST_STOP;
            spd <= '0;
        end else begin
            case (st)
                ST_STOP: if (go) st <= ST_UP;
                ST_UP: begin
                    if (stop_req)
                        st <= ST_DOWN;
                    else if (spd == VW'(MAX_SPEED))
                        st <= ST_RUN;
                    else if (tick)
                        spd <= spd + 1'b1;
                end
                ST_RUN: if (stop_req) st <= ST_DOWN;
                ST_DOWN: begin
                    if (spd == '0)
                        st <= ST_STOP;
                    else if (tick)
                        spd <= spd - 1'b1;
                end
            endcase
        end
    end

    assign speed   = SW'(spd);
    assign running = (st != ST_STOP);
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
