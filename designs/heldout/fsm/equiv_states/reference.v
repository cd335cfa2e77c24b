module pattern_det (
    input  wire clk,
    input  wire rst_n,
    input  wire din,
    output wire found
);
    localparam [2:0] S0 = 3'd0, S1 = 3'd1, S11 = 3'd2, S110 = 3'd3, S1101 = 3'd4;
    reg [2:0] state;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) state <= S0;
        else case (state)
            S0:      state <= din ? S1    : S0;
            S1:      state <= din ? S11   : S0;
            S11:     state <= din ? S11   : S110;
            S110:    state <= din ? S1101 : S0;
            default: state <= din ? S11   : S0;
        endcase
    end
    assign found = state[2];
endmodule
