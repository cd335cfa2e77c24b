module pipe_occupancy (
    input  wire       clk,
    input  wire       rst,
    input  wire       in_vld,
    output wire       out_vld,
    output reg  [2:0] occ,
    output wire       empty
);
    reg [3:0] vpipe;
    always @(posedge clk) begin
        if (rst)
            vpipe <= 4'b0000;
        else
            vpipe <= {vpipe[2:0], in_vld};
    end
    assign out_vld = vpipe[3];
    always @(*) occ = vpipe[0] + vpipe[1] + vpipe[2] + vpipe[3];
    assign empty = ~|vpipe;
endmodule
