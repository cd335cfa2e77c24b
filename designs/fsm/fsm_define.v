// States as `define macros, synchronous active-high reset. R2 duplicates R1 (4 -> 3 states).
`define ST_OFF 2'b00
`define ST_R1  2'b01
`define ST_R2  2'b10
`define ST_ON  2'b11
module fsm_define (
    input  wire clk,
    input  wire srst,
    input  wire btn,
    output wire led
);
    reg [1:0] st, st_n;
    always @(posedge clk) begin
        if (srst) st <= `ST_OFF;
        else      st <= st_n;
    end
    always @* begin
        case (st)
            `ST_OFF: st_n = btn ? `ST_R1 : `ST_OFF;
            `ST_R1:  st_n = btn ? `ST_ON : `ST_R2;
            `ST_R2:  st_n = btn ? `ST_ON : `ST_R1;
            `ST_ON:  st_n = btn ? `ST_ON : `ST_OFF;
            default: st_n = `ST_OFF;
        endcase
    end
    assign led = (st == `ST_ON);
endmodule
