// Offline UPS transfer controller: switches the load to the inverter when
// mains fails, monitors the battery in two alternating sampling phases and
// returns to mains after it has been good for a while.
module ups_ctrl #(
    parameter XFER_T = 8,    // relay settle cycles
    parameter RET_T  = 20    // mains-good cycles before return
) (
    input  wire clk,
    input  wire rst,
    input  wire mains_ok,
    input  wire batt_low,
    output wire relay_batt,
    output wire inverter_on,
    output reg  alarm,
    output wire shutdown
);
    localparam S_LINE  = 3'd0,
               S_XFER  = 3'd1,
               S_BATTA = 3'd2,   // battery, sampling phase A
               S_BATTB = 3'd3,   // battery, sampling phase B
               S_RET   = 3'd4,
               S_SHUT  = 3'd5;

    reg [2:0] state, nxt;
    reg [7:0] tmr;

    always @(*) begin
        nxt = state;
        case (state)
            S_LINE:  if (!mains_ok) nxt = S_XFER;
            S_XFER:  if (tmr == XFER_T - 1) nxt = S_BATTA;
            S_BATTA: if (batt_low) nxt = S_SHUT; else if (mains_ok) nxt = S_RET; else nxt = S_BATTB;
            S_BATTB: if (batt_low) nxt = S_SHUT; else if (mains_ok) nxt = S_RET; else nxt = S_BATTA;
            S_RET:   if (!mains_ok) nxt = S_BATTA; else if (tmr == RET_T - 1) nxt = S_LINE;
            S_SHUT:  if (mains_ok) nxt = S_RET;
            default: nxt = S_LINE;
        endcase
    end

    always @(posedge clk) begin
        if (rst) begin
            state <= S_LINE;
            tmr   <= 8'd0;
            alarm <= 1'b0;
        end else begin
            state <= nxt;
            tmr   <= (nxt != state) ? 8'd0 : tmr + 8'd1;
            alarm <= (nxt == S_BATTA) || (nxt == S_BATTB);
        end
    end

    assign relay_batt  = (state == S_XFER) || (state == S_BATTA) || (state == S_BATTB) || (state == S_RET);
    assign inverter_on = (state == S_BATTA) || (state == S_BATTB) || (state == S_RET);
    assign shutdown    = (state == S_SHUT);
endmodule

module ups_top (
    input  wire clk,
    input  wire rst,
    input  wire mains_ok,
    input  wire batt_low,
    output wire relay_batt,
    output wire inverter_on,
    output wire alarm,
    output wire shutdown
);
    ups_ctrl #(.XFER_T(6), .RET_T(50)) u_ctrl (.clk(clk), .rst(rst), .mains_ok(mains_ok), .batt_low(batt_low),
        .relay_batt(relay_batt), .inverter_on(inverter_on), .alarm(alarm), .shutdown(shutdown));
endmodule
