// Verilog: an I/Q product where a swap flag negates both operands through a function that widens by
// one bit first (the negation cannot overflow); the product and a bias are summed.
module flip_mac_v (
    input                     flip,
    input  signed [6:0]       i_in,
    input  signed [6:0]       q_in,
    input  signed [15:0]      bias,
    output signed [15:0]      y
);
    function signed [7:0] cneg;
        input signed [6:0] v;
        input              f;
        reg   signed [7:0] ve;
        begin
            ve   = v;
            cneg = f ? -ve : ve;
        end
    endfunction
    wire signed [7:0]  pi = cneg(i_in, flip);
    wire signed [7:0]  pq = cneg(q_in, flip);
    wire signed [15:0] pr = pi * pq;
    assign y = bias + pr;
endmodule
