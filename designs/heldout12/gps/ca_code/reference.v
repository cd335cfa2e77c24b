// GPS L1 C/A code generator for two satellite channels. Both channels are
// enabled and reset together, so their G1 and G2 registers are in lock step:
// one G1 and one G2 serve both, each channel keeps only its pair of G2 taps.
module ca_gen2 #(
    parameter A1 = 2, parameter A2 = 6,   // channel A G2 taps (1-based)
    parameter B1 = 3, parameter B2 = 7    // channel B G2 taps
) (
    input  wire clk,
    input  wire rst,
    input  wire chip_en,
    output wire ca_a,
    output wire ca_b,
    output wire g1_ones
);
    reg [10:1] g1, g2;
    always @(posedge clk) begin
        if (rst) begin
            g1 <= 10'h3ff;
            g2 <= 10'h3ff;
        end else if (chip_en) begin
            g1 <= {g1[9:1], g1[3] ^ g1[10]};
            g2 <= {g2[9:1], g2[2] ^ g2[3] ^ g2[6] ^ g2[8] ^ g2[9] ^ g2[10]};
        end
    end
    assign ca_a    = g1[10] ^ g2[A1] ^ g2[A2];
    assign ca_b    = g1[10] ^ g2[B1] ^ g2[B2];
    assign g1_ones = &g1;
endmodule

module gps_ca2 (
    input  wire clk,
    input  wire rst,
    input  wire chip_en,
    output wire ca_a,
    output wire ca_b,
    output wire epoch
);
    ca_gen2 #(.A1(3), .A2(7), .B1(5), .B2(9)) u_ca (.clk(clk), .rst(rst), .chip_en(chip_en),
                                                   .ca_a(ca_a), .ca_b(ca_b), .g1_ones(epoch));  // PRN 2, PRN 4
endmodule
