// Garden irrigation sequencer: waters NZ zones one after another with a
// soak pause between zones and holds while the rain sensor is wet.
// The valve drive register is kept beside the zone number.
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
    output reg  [NZ-1:0] valve,
    output wire          active
);
    localparam IDLE = 2'd0;
    localparam RUN  = 2'd1;
    localparam SOAK = 2'd2;
    localparam HOLD = 2'd3;

    reg [1:0]    state;
    reg [ZW-1:0] zone;
    integer      tmr;

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            zone  <= {ZW{1'b0}};
            valve <= {NZ{1'b0}};
            tmr   <= 0;
        end else begin
            case (state)
                IDLE: begin
                    if (start) begin
                        state <= RUN;
                        zone  <= {ZW{1'b0}};
                        valve <= {{NZ-1{1'b0}}, 1'b1};
                        tmr   <= 0;
                    end
                end
                RUN: begin
                    if (rain) begin
                        state <= HOLD;
                        valve <= {NZ{1'b0}};
                    end else if (tmr == ZONE_T - 1) begin
                        valve <= {NZ{1'b0}};
                        tmr   <= 0;
                        if (zone == NZ - 1)
                            state <= IDLE;
                        else
                            state <= SOAK;
                    end else begin
                        tmr <= tmr + 1;
                    end
                end
                SOAK: begin
                    if (tmr == SOAK_T - 1) begin
                        state <= RUN;
                        zone  <= zone + 1'b1;
                        valve <= {{NZ-1{1'b0}}, 1'b1} << (zone + 1'b1);
                        tmr   <= 0;
                    end else begin
                        tmr <= tmr + 1;
                    end
                end
                HOLD: begin
                    if (!rain) begin
                        state <= RUN;
                        valve <= {{NZ-1{1'b0}}, 1'b1} << zone;
                    end
                end
            endcase
        end
    end

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
