// Reference: the four channels start together and time their bits
// identically, so one bit timer, bit counter and busy flop are shared; each
// motor keeps only its frame shift register.
module dshot_quad (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              start,
    input  logic [3:0][10:0]  throttle,
    input  logic [3:0]        telem,
    output logic [3:0]        pwm,
    output logic              busy
);
    localparam int T_BIT = 20, T0H = 7, T1H = 15;
    logic [7:0] tcnt;
    logic [4:0] bitn;
    logic       bit_end;

    assign bit_end = (tcnt == 8'(T_BIT - 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            tcnt <= '0;
            bitn <= '0;
            busy <= 1'b0;
        end else if (!busy) begin
            if (start) begin
                tcnt <= '0;
                bitn <= '0;
                busy <= 1'b1;
            end
        end else if (bit_end) begin
            tcnt <= '0;
            if (bitn == 5'd15) busy <= 1'b0;
            else               bitn <= bitn + 1'b1;
        end else begin
            tcnt <= tcnt + 1'b1;
        end
    end

    for (genvar m = 0; m < 4; m++) begin : g_motor
        logic [15:0] frame;
        logic [11:0] payload;
        assign payload = {throttle[m], telem[m]};
        always_ff @(posedge clk or negedge rst_n) begin
            if (!rst_n)
                frame <= '0;
            else if (!busy) begin
                if (start) frame <= {payload, payload[3:0] ^ payload[7:4] ^ payload[11:8]};
            end else if (bit_end)
                frame <= {frame[14:0], 1'b0};
        end
        assign pwm[m] = busy && (tcnt < (frame[15] ? 8'(T1H) : 8'(T0H)));
    end
endmodule
