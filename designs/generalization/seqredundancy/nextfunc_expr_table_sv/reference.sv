// Multi-channel sampler (SystemVerilog): the channel pointer walks down from NCH-1 and wraps; each
// channel's gain and offset are latched beside it (from the next pointer), a unique-case table (assigned to the function name) and
// an expression, and from the NCH-1 entries at reset.
module chan_walk #(
    parameter int NCH = 5
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    output logic [2:0] ch,
    output logic [6:0] gain,
    output logic [4:0] offs
);
    function automatic logic [6:0] gain_of(logic [2:0] c);
        unique case (c)
            3'd0: gain_of = 7'd12;
            3'd1: gain_of = 7'd99;
            3'd2: gain_of = 7'd7;
            3'd3: gain_of = 7'd64;
            default: gain_of = 7'd33;
        endcase
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            ch   <= 3'(NCH - 1);
        end else begin
            if (adv) begin
                ch   <= (ch == '0) ? 3'(NCH - 1) : ch - 3'd1;
            end
        end
    end
    assign gain = gain_of(ch);
    assign offs = 5'(ch * 3);
endmodule

module chan_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    output logic [2:0] ch,
    output logic [6:0] gain,
    output logic [4:0] offs
);
    chan_walk #(.NCH(4)) u (.*);
endmodule
