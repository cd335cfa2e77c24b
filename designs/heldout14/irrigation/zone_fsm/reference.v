// Garden irrigation sequencer, hand-optimized: the valve drive is the
// decode of the zone number while running (no register), and the phase
// timer is sized for the longer phase instead of a 32-bit integer.
module zone_seq #(
    parameter NZ     = 4,
    parameter ZW     = 2,
    parameter ZONE_T = 1800,
    parameter SOAK_T = 300
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          start,
    input  wire          rain,
    output wire [NZ-1:0] valve,
    output wire          active
);
    localparam TMAX = (ZONE_T > SOAK_T) ? ZONE_T : SOAK_T;
    localparam TW   = (TMAX > 1) ? $clog2(TMAX) : 1;

    localparam IDLE = 2'd0;
    localparam RUN  = 2'd1;
    localparam SOAK = 2'd2;
    localparam HOLD = 2'd3;

    reg [1:0]    state;
    reg [ZW-1:0] zone;
    reg [TW-1:0] tmr;

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            zone  <= {ZW{1'b0}};
            tmr   <= {TW{1'b0}};
        end else begin
            case (state)
                IDLE: begin
                    if (start) begin
                        state <= RUN;
                        zone  <= {ZW{1'b0}};
                        tmr   <= {TW{1'b0}};
                    end
                end
                RUN: begin
                    if (rain) begin
                        state <= HOLD;
                    end else if (tmr == ZONE_T - 1) begin
                        tmr <= {TW{1'b0}};
                        if (zone == NZ - 1)
                            state <= IDLE;
                        else
                            state <= SOAK;
                    end else begin
                        tmr <= tmr + 1'b1;
                    end
                end
                SOAK: begin
                    if (tmr == SOAK_T - 1) begin
                        state <= RUN;
                        zone  <= zone + 1'b1;
                        tmr   <= {TW{1'b0}};
                    end else begin
                        tmr <= tmr + 1'b1;
                    end
                end
                HOLD: begin
                    if (!rain)
                        state <= RUN;
                end
            endcase
        end
    end

    assign valve  = (state == RUN) ? ({{NZ-1{1'b0}}, 1'b1} << zone) : {NZ{1'b0}};
    assign active = (state != IDLE);
endmodule

module garden_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire       rain,
    output wire [5:0] valve,
    output wire       active
);
    zone_seq #(.NZ(6), .ZW(3), .ZONE_T(60), .SOAK_T(10)) u_seq (
        .clk(clk), .rst(rst), .start(start), .rain(rain), .valve(valve), .active(active)
    );
endmodule
