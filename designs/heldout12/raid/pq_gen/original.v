// RAID-6 P/Q syndrome generator over one byte of each of N data disks.
// P = XOR of all bytes, Q = sum of g^i * D_i in GF(2^8), g = 2, poly 0x11D.
module raid6_pq #(
    parameter N = 8
) (
    input  wire [8*N-1:0] d,
    output reg  [7:0]     p,
    output reg  [7:0]     q
);
    function [7:0] gf_x2;
        input [7:0] b;
        begin
            gf_x2 = {b[6:0], 1'b0} ^ (b[7] ? 8'h1d : 8'h00);
        end
    endfunction

    integer i, j;
    reg [7:0] t;
    always @(*) begin
        p = 8'h00;
        q = 8'h00;
        for (i = 0; i < N; i = i + 1) begin
            t = d[8*i +: 8];
            p = p ^ t;
            for (j = 0; j < i; j = j + 1)
                t = gf_x2(t);            // g^i * D_i
            q = q ^ t;
        end
    end
endmodule

module raid_pq6 (
    input  wire [47:0] stripe,
    output wire [7:0]  p_out,
    output wire [7:0]  q_out
);
    raid6_pq #(.N(6)) u_pq (.d(stripe), .p(p_out), .q(q_out));
endmodule
