// TDM slot scheduler: slot and lane counters (the slot wraps at 14 and
// carries into the lane) replace the frame position.
module tdm_slots (
    input  logic       clk,
    input  logic       rst,
    input  logic       tick,
    output logic [1:0] lane,
    output logic [3:0] slot,
    output logic       frame_end,
    output logic [3:0] lane_en
);
    logic slot_last;
    assign slot_last = slot == 4'd13;
    assign frame_end = tick && slot_last && lane == 2'd2;
    always_ff @(posedge clk) begin
        if (rst) begin
            slot <= '0;
            lane <= '0;
        end else if (tick) begin
            slot <= slot_last ? 4'd0 : slot + 4'd1;
            if (slot_last) lane <= (lane == 2'd2) ? 2'd0 : lane + 2'd1;
        end
    end
    always_comb begin
        lane_en = '0;
        lane_en[lane] = tick;
    end
endmodule
