// Reference: the valve register is always decode(zone) while busy and zero
// otherwise, so it becomes a decoder; zone only reaches 4 (3 bits) and the
// minute timer only 44 (6 bits).
module sprinkler (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       go,
    input  wire       stop,
    input  wire       min_tick,
    output wire [4:0] valves,
    output reg        busy
);
    reg [2:0] zone;
    reg [5:0] tmr;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            zone <= 3'd0;
            tmr  <= 6'd0;
            busy <= 1'b0;
        end else if (stop) begin
            busy <= 1'b0;
        end else if (!busy) begin
            if (go) begin
                zone <= 3'd0;
                tmr  <= 6'd0;
                busy <= 1'b1;
            end
        end else if (min_tick) begin
            if (tmr == 6'd44) begin
                tmr <= 6'd0;
                if (zone == 3'd4) busy <= 1'b0;
                else              zone <= zone + 1'b1;
            end else begin
                tmr <= tmr + 1'b1;
            end
        end
    end

    assign valves = busy ? (5'b00001 << zone) : 5'b00000;
endmodule
