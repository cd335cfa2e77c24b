// Car-park barrier controller with a "spaces free" display. Occupancy counts
// cars in; the free-spaces register counts the other way for the display, and
// the FULL sign has its own flop.
module gate_ctrl #(
    parameter CAP = 250
) (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       car_in,     // loop detector at the entry barrier
    input  wire       car_out,    // loop detector at the exit barrier
    output reg        open_in,
    output reg  [7:0] free,
    output reg        full_sign
);
    reg [15:0] occ;

    wire accept_in  = car_in  && (occ < CAP);
    wire accept_out = car_out && (occ != 0);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            occ       <= 16'd0;
            free      <= CAP;
            full_sign <= 1'b0;
            open_in   <= 1'b0;
        end else begin
            open_in <= accept_in;
            if (accept_in && !accept_out) begin
                occ       <= occ + 1'b1;
                free      <= free - 1'b1;
                full_sign <= (occ + 1'b1 == CAP);
            end else if (accept_out && !accept_in) begin
                occ       <= occ - 1'b1;
                free      <= free + 1'b1;
                full_sign <= 1'b0;
            end
        end
    end
endmodule

module carpark (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       car_in,
    input  wire       car_out,
    output wire       open_in,
    output wire [7:0] free,
    output wire       full_sign
);
    gate_ctrl #(.CAP(20)) u_gate (.clk(clk), .rst_n(rst_n), .car_in(car_in), .car_out(car_out),
                                  .open_in(open_in), .free(free), .full_sign(full_sign));
endmodule
