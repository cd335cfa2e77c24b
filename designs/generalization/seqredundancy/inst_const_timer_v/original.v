// Two door-lock channels; each relocks its door a fixed time after an unlock
// command. The relock timer is 16 bits wide but only ever loaded with 37, so
// its upper bits stay zero; both channels see the same unlock/lock/tick.
module door_chan #(
    parameter RELOCK = 1000,
    parameter INV    = 0        // output polarity of the strike drive
) (
    input  wire clk,
    input  wire rst,
    input  wire tick,
    input  wire unlock,
    input  wire lock,
    input  wire ajar,
    output wire strike,
    output reg  alarm
);
    reg [15:0] relock_t;
    wire       open_w = (relock_t != 16'd0);

    always @(posedge clk) begin
        if (rst)
            relock_t <= 16'd0;
        else if (lock)
            relock_t <= 16'd0;
        else if (unlock)
            relock_t <= RELOCK;
        else if (tick && open_w)
            relock_t <= relock_t - 16'd1;
    end

    always @(posedge clk) begin
        if (rst)                 alarm <= 1'b0;
        else if (!open_w && ajar) alarm <= 1'b1;
        else if (open_w)          alarm <= 1'b0;
    end

    assign strike = open_w ^ INV[0];
endmodule

module door_pair (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    input  wire       unlock,
    input  wire       lock,
    input  wire [1:0] ajar,
    output wire [1:0] strike,
    output wire [1:0] alarm
);
    door_chan #(.RELOCK(37), .INV(0)) u_front (
        .clk(clk), .rst(rst), .tick(tick), .unlock(unlock), .lock(lock),
        .ajar(ajar[0]), .strike(strike[0]), .alarm(alarm[0]));
    door_chan #(.RELOCK(37), .INV(1)) u_back (
        .clk(clk), .rst(rst), .tick(tick), .unlock(unlock), .lock(lock),
        .ajar(ajar[1]), .strike(strike[1]), .alarm(alarm[1]));
endmodule
