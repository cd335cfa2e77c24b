// Temperature sensor: two calibration offsets applied by chained offset stages
// (always_comb children, implicit .* style connections avoided: named ports).
module offset_stage #(parameter int W = 8, parameter int OW = 9, parameter int C = 0) (
    input  logic [W-1:0]  d,
    output logic [OW-1:0] e
);
    always_comb begin
        e = d + C;
    end
endmodule

module temp_cal (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [7:0] raw,
    output logic [9:0] cal
);
    logic [8:0] t_zero;
    logic [9:0] t_span;
    offset_stage #(.W(8), .OW(9),  .C(23)) u_zero (.d(raw),    .e(t_zero));
    offset_stage #(.W(9), .OW(10), .C(41)) u_span (.d(t_zero), .e(t_span));
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) cal <= '0;
        else        cal <= t_span;
endmodule
