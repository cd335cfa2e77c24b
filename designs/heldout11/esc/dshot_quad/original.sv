// DShot serial throttle output for a quad-rotor: four ESC channels. Each
// channel is a self-contained DShot transmitter (frame register, bit timer,
// bit counter); the flight controller starts all four with one strobe.
module dshot_ch #(
    parameter int T_BIT = 64,    // clocks per bit
    parameter int T0H   = 24,    // high time of a 0
    parameter int T1H   = 48     // high time of a 1
) (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        start,
    input  logic [10:0] throttle,
    input  logic        telem,
    output logic        pwm,
    output logic        busy
);
    logic [15:0] frame;
    logic [7:0]  tcnt;
    logic [4:0]  bitn;
    logic [11:0] payload;
    logic [3:0]  crc;

    assign payload = {throttle, telem};
    assign crc     = payload[3:0] ^ payload[7:4] ^ payload[11:8];

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            frame <= '0;
            tcnt  <= '0;
            bitn  <= '0;
            busy  <= 1'b0;
        end else if (!busy) begin
            if (start) begin
                frame <= {payload, crc};
                tcnt  <= '0;
                bitn  <= '0;
                busy  <= 1'b1;
            end
        end else if (tcnt == 8'(T_BIT - 1)) begin
            tcnt  <= '0;
            frame <= {frame[14:0], 1'b0};
            if (bitn == 5'd15) busy <= 1'b0;
            else               bitn <= bitn + 1'b1;
        end else begin
            tcnt <= tcnt + 1'b1;
        end
    end

    assign pwm = busy && (tcnt < (frame[15] ? 8'(T1H) : 8'(T0H)));
endmodule

module dshot_quad (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              start,
    input  logic [3:0][10:0]  throttle,
    input  logic [3:0]        telem,
    output logic [3:0]        pwm,
    output logic              busy
);
    logic [3:0] ch_busy;

    for (genvar m = 0; m < 4; m++) begin : g_motor
        dshot_ch #(.T_BIT(20), .T0H(7), .T1H(15)) u_ch (
            .clk, .rst_n, .start,
            .throttle(throttle[m]), .telem(telem[m]),
            .pwm(pwm[m]), .busy(ch_busy[m]));
    end

    assign busy = |ch_busy;
endmodule
