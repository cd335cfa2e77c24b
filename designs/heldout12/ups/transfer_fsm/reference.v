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
    output wire alarm,
    output wire shutdown
);
    // the two battery sampling phases behave identically: one state
    localparam S_LINE  = 3'd0,
               S_XFER  = 3'd1,
               S_BATT  = 3'd2,
               S_RET   = 3'd4,
               S_SHUT  = 3'd5;

    reg [2:0] state, nxt;
    reg [5:0] tmr;      // only read in S_XFER / S_RET, below RET_T there

    always @(*) begin
        nxt = state;
        case (state)
            S_LINE:  if (!mains_ok) nxt = S_XFER;
            S_XFER:  if (tmr == XFER_T - 1) nxt = S_BATT;
            S_BATT:  if (batt_low) nxt = S_SHUT; else if (mains_ok) nxt = S_RET;
            S_RET:   if (!mains_ok) nxt = S_BATT; else if (tmr == RET_T - 1) nxt = S_LINE;
            S_SHUT:  if (mains_ok) nxt = S_RET;
            default: nxt = S_LINE;
        endcase
    end

    always @(posedge clk) begin
        if (rst) begin
            state <= S_LINE;
            tmr   <= 6'd0;
        end else begin
            state <= nxt;
            tmr   <= (nxt != state) ? 6'd0 : tmr + 6'd1;
        end
    end

    assign alarm       = (state == S_BATT);
    assign relay_batt  = (state == S_XFER) || (state == S_BATT) || (state == S_RET);
    assign inverter_on = (state == S_BATT) || (state == S_RET);
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
