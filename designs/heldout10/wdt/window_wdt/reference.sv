// Windowed watchdog: after each service the counter restarts; a service before
// the window opens (count < WOPEN) or no service before TMO is a fault.
module wdt_core #(
    parameter int TMO   = 50000,
    parameter int WOPEN = 40000
) (
    input  logic clk,
    input  logic rst_n,
    input  logic enable,
    input  logic kick,
    output logic early,
    output logic expired,
    output logic fault
);
    // cnt stops at TMO, so $clog2(TMO + 1) bits hold it
    logic [$clog2(TMO+1)-1:0] cnt;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt     <= '0;
            early   <= 1'b0;
            expired <= 1'b0;
        end else if (!enable) begin
            cnt     <= '0;
        end else if (kick) begin
            early <= early | (cnt < WOPEN);
            cnt   <= '0;
        end else if (cnt == TMO) begin
            expired <= 1'b1;
        end else begin
            cnt <= cnt + 1'b1;
        end
    end

    assign fault = early | expired;
endmodule

module wdt_regs (
    input  logic clk,
    input  logic rst_n,
    input  logic wr_ctrl,
    input  logic wr_kick,
    input  logic [7:0] wdata,
    output logic early,
    output logic expired,
    output logic fault
);
    logic enable;
    logic kick;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) enable <= 1'b0;
        else if (wr_ctrl) enable <= wdata[0];
    end

    // the service register must be written with the key 0xA5
    assign kick = wr_kick && wdata == 8'hA5;

    wdt_core #(.TMO(150), .WOPEN(100)) u_core (.*);
endmodule
