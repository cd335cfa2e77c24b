// Four sensor channels, each thermometer-coded to a bar graph by one function;
// a rotating display slot picks which channel's bar is shown.
module hoist_func_case_sv (
    input  logic        clk,
    input  logic        rst,
    input  logic [3:0]  lvl0,
    input  logic [3:0]  lvl1,
    input  logic [3:0]  lvl2,
    input  logic [3:0]  lvl3,
    output logic [14:0] bar,
    output logic [1:0]  slot
);
    function automatic logic [14:0] therm(input logic [3:0] v);
        for (int k = 0; k < 15; k++)
            therm[k] = (v > k);
    endfunction

    always_ff @(posedge clk)
        if (rst) slot <= '0;
        else     slot <= slot + 2'd1;

    logic [3:0] lvl;
    always_comb begin
        unique case (slot)
            2'd0: lvl = lvl0;
            2'd1: lvl = lvl1;
            2'd2: lvl = lvl2;
            default: lvl = lvl3;
        endcase
    end
    assign bar = therm(lvl);
endmodule
