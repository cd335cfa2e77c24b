// Lawn sprinkler sequencer: on "go" the zones are watered one after another,
// RUN_T minute ticks each. The valve outputs are registered (they drive relay
// boards directly).
module zone_seq #(
    parameter NZ    = 8,
    parameter RUN_T = 600
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          go,
    input  wire          stop,
    input  wire          min_tick,
    output reg  [NZ-1:0] valves,
    output reg           busy
);
    reg [7:0]  zone;
    reg [15:0] tmr;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            zone   <= 8'd0;
            tmr    <= 16'd0;
            busy   <= 1'b0;
            valves <= {NZ{1'b0}};
        end else if (stop) begin
            busy   <= 1'b0;
            valves <= {NZ{1'b0}};
        end else if (!busy) begin
            if (go) begin
                zone   <= 8'd0;
                tmr    <= 16'd0;
                busy   <= 1'b1;
                valves <= {{(NZ-1){1'b0}}, 1'b1};
            end
        end else if (min_tick) begin
            if (tmr == RUN_T - 1) begin
                tmr <= 16'd0;
                if (zone == NZ - 1) begin
                    busy   <= 1'b0;
                    valves <= {NZ{1'b0}};
                end else begin
                    zone   <= zone + 1'b1;
                    valves <= valves << 1;
                end
            end else begin
                tmr <= tmr + 1'b1;
            end
        end
    end
endmodule

module sprinkler (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       go,
    input  wire       stop,
    input  wire       min_tick,
    output wire [4:0] valves,
    output wire       busy
);
    zone_seq #(.NZ(5), .RUN_T(45)) u_seq (
        .clk(clk), .rst_n(rst_n), .go(go), .stop(stop), .min_tick(min_tick),
        .valves(valves), .busy(busy));
endmodule
