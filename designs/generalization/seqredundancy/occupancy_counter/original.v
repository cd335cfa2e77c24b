// 6-stage valid pipeline with separate stage flags and an occupancy counter kept incrementally.
module vld_pipe6 (
    input  wire       clk,
    input  wire       rst,
    input  wire       vin,
    output wire       vout,
    output reg  [2:0] in_flight,
    output wire       idle
);
    reg s0, s1, s2, s3, s4, s5;
    always @(posedge clk) begin
        if (rst) begin
            s0 <= 1'b0; s1 <= 1'b0; s2 <= 1'b0; s3 <= 1'b0; s4 <= 1'b0; s5 <= 1'b0;
        end else begin
            s0 <= vin; s1 <= s0; s2 <= s1; s3 <= s2; s4 <= s3; s5 <= s4;
        end
    end
    assign vout = s5;
    always @(posedge clk) begin
        if (rst)
            in_flight <= 3'd0;
        else begin
            case ({vin, s5})
                2'b10:   in_flight <= in_flight + 3'd1;
                2'b01:   in_flight <= in_flight - 3'd1;
                default: in_flight <= in_flight;
            endcase
        end
    end
    assign idle = (in_flight == 3'd0);
endmodule
