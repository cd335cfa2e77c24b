// Four replicated voter words disagree when any pair differs: a compare child per pair (!=) in a
// generate, the OR of the packed results raises an alarm; a separate pair of tags (a, b) is compared on
// its own and must stay.
module neq_cell #(parameter int W = 10) (
    input  logic [W-1:0] x,
    input  logic [W-1:0] y,
    output logic         d
);
    always_comb d = x != y;
endmodule

module voter_alarm (
    input  logic [3:0][9:0] rep,
    input  logic [4:0]      tag_a,
    input  logic [4:0]      tag_b,
    output logic            alarm
);
    logic [5:0] diff;
    for (genvar p = 0; p < 4; p++) begin : g_p
        for (genvar q = p + 1; q < 4; q++) begin : g_q
            neq_cell #(.W(10)) u_ne (.x(rep[p]), .y(rep[q]), .d(diff[p * 3 - (p * (p + 1)) / 2 + q - 1]));
        end
    end
    assign alarm = (|diff) || (tag_a != tag_b);
endmodule
