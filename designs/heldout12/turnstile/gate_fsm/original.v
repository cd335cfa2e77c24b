// Coin-operated turnstile: collects coins until the fare is reached, then
// unlocks for one passage. The green lamp is driven from a flop.
module turnstile_ctrl #(
    parameter FARE   = 100,
    parameter COIN_A = 5,
    parameter COIN_B = 10,
    parameter COIN_C = 25
) (
    input  wire clk,
    input  wire rst,
    input  wire coin_a,
    input  wire coin_b,
    input  wire coin_c,
    input  wire arm_pushed,
    output reg  lamp_green,
    output wire collecting,
    output reg  [15:0] credit
);
    localparam LOCKED = 2'd0, CREDIT = 2'd1, OPEN = 2'd2, TURN = 2'd3;

    reg  [1:0]  st;
    wire [15:0] val = coin_c ? COIN_C : coin_b ? COIN_B : coin_a ? COIN_A : 16'd0;
    wire [15:0] sum = credit + val;

    always @(posedge clk) begin
        if (rst) begin
            st         <= LOCKED;
            credit     <= 16'd0;
            lamp_green <= 1'b0;
        end else begin
            case (st)
                LOCKED, CREDIT:
                    if (val != 16'd0) begin
                        if (sum >= FARE) begin
                            credit     <= 16'd0;
                            st         <= OPEN;
                            lamp_green <= 1'b1;
                        end else begin
                            credit <= sum;
                            st     <= CREDIT;
                        end
                    end
                OPEN:
                    if (arm_pushed) begin
                        st         <= TURN;
                        lamp_green <= 1'b0;
                    end
                TURN:
                    if (!arm_pushed) st <= LOCKED;
            endcase
        end
    end

    assign collecting = (st == CREDIT);
endmodule

module turnstile (
    input  wire       clk,
    input  wire       rst,
    input  wire       coin_a,
    input  wire       coin_b,
    input  wire       coin_c,
    input  wire       arm_pushed,
    output wire       lamp_green,
    output wire       collecting,
    output wire [7:0] credit
);
    wire [15:0] credit_w;
    turnstile_ctrl #(.FARE(60)) u_ctrl (.clk(clk), .rst(rst), .coin_a(coin_a), .coin_b(coin_b),
        .coin_c(coin_c), .arm_pushed(arm_pushed), .lamp_green(lamp_green), .collecting(collecting),
        .credit(credit_w));
    assign credit = credit_w[7:0];
endmodule
