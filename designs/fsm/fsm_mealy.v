// Mealy "1011" overlapping sequence detector with two redundant states (6 -> 4 states).
module fsm_mealy (
    input  wire clk,
    input  wire rst,
    input  wire din,
    output reg  hit
);
    localparam S0 = 3'd0, S1 = 3'd1, S10 = 3'd2, S101 = 3'd3, S0B = 3'd4, S1B = 3'd5;
    reg [2:0] s, ns;
    always @(posedge clk or posedge rst) begin
        if (rst) s <= S0; else s <= ns;
    end
    always @(*) begin
        hit = 1'b0;
        case (s)
            S0:   ns = din ? S1 : S0B;
            S0B:  ns = din ? S1B : S0;
            S1:   ns = din ? S1 : S10;
            S1B:  ns = din ? S1B : S10;
            S10:  ns = din ? S101 : S0;
            S101: begin ns = din ? S1 : S10; hit = din; end
            default: ns = S0;
        endcase
    end
endmodule
