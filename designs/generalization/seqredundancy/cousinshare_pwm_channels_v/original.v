// LED dimmer bank: every channel module holds its own PWM period counter
// (a child module) and compares it with the channel's duty register. All
// period counters restart on the bank's sync input and count the same
// enable, so they run in lock step in every channel.
module pwm_period #(
    parameter PW = 8
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    input  wire          sync,
    output wire [PW-1:0] phase
);
    reg [PW-1:0] ctr;

    always @(posedge clk) begin
        if (rst || sync)
            ctr <= {PW{1'b0}};
        else if (en)
            ctr <= ctr + 1'b1;
    end

    assign phase = ctr;
endmodule

module pwm_chan #(
    parameter PW = 8
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    input  wire          sync,
    input  wire          we,
    input  wire [PW-1:0] duty_in,
    output reg           out
);
    wire [PW-1:0] phase;
    reg  [PW-1:0] duty;

    pwm_period #(.PW(PW)) u_per (
        .clk(clk), .rst(rst), .en(en), .sync(sync), .phase(phase)
    );

    always @(posedge clk) begin
        if (rst) begin
            duty <= {PW{1'b0}};
            out  <= 1'b0;
        end else begin
            if (we)
                duty <= duty_in;
            out <= (phase < duty);
        end
    end
endmodule

module pwm_bank #(
    parameter PW = 8
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    input  wire          sync,
    input  wire [2:0]    we,
    input  wire [PW-1:0] duty_in,
    output wire [2:0]    led
);
    pwm_chan #(.PW(PW)) u_r (
        .clk(clk), .rst(rst), .en(en), .sync(sync), .we(we[0]), .duty_in(duty_in), .out(led[0])
    );
    pwm_chan #(.PW(PW)) u_g (
        .clk(clk), .rst(rst), .en(en), .sync(sync), .we(we[1]), .duty_in(duty_in), .out(led[1])
    );
    pwm_chan #(.PW(PW)) u_b (
        .clk(clk), .rst(rst), .en(en), .sync(sync), .we(we[2]), .duty_in(duty_in), .out(led[2])
    );
endmodule

module dimmer_top (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       sync,
    input  wire [2:0] we,
    input  wire [7:0] duty_in,
    output wire [2:0] led
);
    pwm_bank #(.PW(8)) u_bank (
        .clk(clk), .rst(rst), .en(en), .sync(sync), .we(we), .duty_in(duty_in), .led(led)
    );
endmodule
