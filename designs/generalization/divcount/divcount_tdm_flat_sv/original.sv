// TDM slot scheduler: one frame position walks 3 lanes x 14 slots; the
// lane and slot are recovered from it with a divide and a subtract.
module tdm_slots (
    input  logic       clk,
    input  logic       rst,
    input  logic       tick,
    output logic [1:0] lane,
    output logic [3:0] slot,
    output logic       frame_end,
    output logic [3:0] lane_en
);
    localparam int SLOTS = 14;
    localparam int LANES = 3;
    logic [5:0] pos;
    always_ff @(posedge clk) begin
        if (rst)       pos <= '0;
        else if (tick) pos <= (pos == SLOTS*LANES-1) ? '0 : pos + 6'd1;
    end
    assign lane = pos / SLOTS;
    assign slot = pos - (pos / SLOTS) * SLOTS;
    assign frame_end = tick && pos == SLOTS*LANES-1;
    always_comb begin
        lane_en = '0;
        lane_en[lane] = tick;
    end
endmodule
