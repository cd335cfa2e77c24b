// Adler-style running checksum modulo 13 over a nibble stream: a is the sum of
// the nibbles, b the sum of the a values, both reduced with % after each nibble.
module adler13 (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic       nv,
    input  logic [3:0] nib,
    output logic [7:0] chk
);
    localparam int M = 13;
    logic [7:0] a, b;
    logic [7:0] a_n, b_n;

    always_comb begin
        a_n = (a + nib) % M;
        b_n = (b + a_n) % M;
    end

    always_ff @(posedge clk) begin
        if (rst || start) begin
            a <= 8'd1;
            b <= 8'd0;
        end else if (nv) begin
            a <= a_n;
            b <= b_n;
        end
    end

    assign chk = {b[3:0], a[3:0]};
endmodule
