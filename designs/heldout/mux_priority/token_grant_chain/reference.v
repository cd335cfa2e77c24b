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
    reg [4:0] token;
    always @(posedge clk) begin
        if (rst)
            token <= 5'b00001;
        else if (step)
            token <= {token[3:0], token[4]};
    end
    assign owner = token;
    always @(*)
        bus = ({16{token[0]}} & req0_data) | ({16{token[1]}} & req1_data) |
              ({16{token[2]}} & req2_data) | ({16{token[3]}} & req3_data) |
              ({16{token[4]}} & req4_data);
endmodule
