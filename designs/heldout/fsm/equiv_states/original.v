module pattern_det (
    input  wire clk,
    input  wire rst_n,
    input  wire din,
    output reg  found
);
    localparam [2:0] S0    = 3'd0,
                     S1    = 3'd1,
                     S11   = 3'd2,
                     S110  = 3'd3,
                     S1101 = 3'd4,
                     S1B   = 3'd5,   // same as S1, reached after a match
                     S11B  = 3'd6;   // same as S11, reached after a match

    reg [2:0] state, nstate;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) state <= S0;
        else        state <= nstate;
    end

    always @(*) begin
        nstate = state;
        case (state)
            S0:    nstate = din ? S1    : S0;
            S1:    nstate = din ? S11   : S0;
            S11:   nstate = din ? S11   : S110;
            S110:  nstate = din ? S1101 : S0;
            S1101: nstate = din ? S11B  : S0;
            S1B:   nstate = din ? S11B  : S0;
            S11B:  nstate = din ? S11B  : S110;
            default: nstate = S0;
        endcase
    end

    always @(*) found = (state == S1101);
endmodule
