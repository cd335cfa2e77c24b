// Small FIFO controller with registered flags kept in a case on {push, pop}.
module fq_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    output reg  [2:0] wp,
    output reg  [2:0] rp,
    output reg  [3:0] used,
    output reg        full,
    output reg        empty
);
    wire we = push & ~full;
    wire re = pop & ~empty;
    always @(posedge clk) begin
        if (rst) begin
            wp <= 3'd0; rp <= 3'd0; used <= 4'd0; full <= 1'b0; empty <= 1'b1;
        end else begin
            if (we) wp <= wp + 3'd1;
            if (re) rp <= rp + 3'd1;
            case ({we, re})
                2'b10: begin used <= used + 4'd1; full <= (used == 4'd7); empty <= 1'b0; end
                2'b01: begin used <= used - 4'd1; full <= 1'b0; empty <= (used == 4'd1); end
                default: ;
            endcase
        end
    end
endmodule
