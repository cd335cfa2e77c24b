module rr_token_mux (
    input  wire        clk,
    input  wire        rst,
    input  wire        step,
    input  wire [15:0] req0_data,
    input  wire [15:0] req1_data,
    input  wire [15:0] req2_data,
    input  wire [15:0] req3_data,
    input  wire [15:0] req4_data,
    output reg  [15:0] bus,
    output wire [4:0]  owner
);
    reg [4:0] token;   // rotating one-hot token
    always @(posedge clk) begin
        if (rst)
            token <= 5'b00001;
        else if (step)
            token <= {token[3:0], token[4]};
    end
    assign owner = token;

    always @(*) begin
        if (token[0])
            bus = req0_data;
        else if (token[1])
            bus = req1_data;
        else if (token[2])
            bus = req2_data;
        else if (token[3])
            bus = req3_data;
        else if (token[4])
            bus = req4_data;
        else
            bus = 16'h0000;
    end
endmodule
