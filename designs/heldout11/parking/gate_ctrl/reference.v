// Reference: only the free-spaces count is kept (0..20, 5 bits); occupancy
// is CAP - free, so "occ < CAP" is free != 0, "occ != 0" is free != CAP, and
// the FULL sign flop is free == 0.
module carpark (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       car_in,
    input  wire       car_out,
    output reg        open_in,
    output wire [7:0] free,
    output wire       full_sign
);
    reg [4:0] fr;

    wire accept_in  = car_in  && (fr != 5'd0);
    wire accept_out = car_out && (fr != 5'd20);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            fr      <= 5'd20;
            open_in <= 1'b0;
        end else begin
            open_in <= accept_in;
            if (accept_in && !accept_out)      fr <= fr - 1'b1;
            else if (accept_out && !accept_in) fr <= fr + 1'b1;
        end
    end

    assign free      = {3'b000, fr};
    assign full_sign = (fr == 5'd0);
endmodule
