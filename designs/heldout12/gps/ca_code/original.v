// GPS L1 C/A code generator for two satellite channels: each channel owns a
// G1 (x^10+x^3+1) and a G2 (x^10+x^9+x^8+x^6+x^3+x^2+1) register, and the
// PRN is selected by the pair of G2 phase taps.
module ca_gen #(
    parameter T1 = 2,   // G2 taps (1-based), e.g. PRN 1: 2 and 6
    parameter T2 = 6
) (
    input  wire clk,
    input  wire rst,
    input  wire chip_en,
    output wire ca,
    output wire g1_ones   // G1 all-ones: code epoch
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
    assign ca      = g1[10] ^ g2[T1] ^ g2[T2];
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
    wire ones0, ones1;
    ca_gen #(.T1(3), .T2(7)) u_ch0 (.clk(clk), .rst(rst), .chip_en(chip_en), .ca(ca_a), .g1_ones(ones0));  // PRN 2
    ca_gen #(.T1(5), .T2(9)) u_ch1 (.clk(clk), .rst(rst), .chip_en(chip_en), .ca(ca_b), .g1_ones(ones1));  // PRN 4

    // code epoch: all-ones G1 state of channel 0 (once per 1023 chips)
    assign epoch = ones0;
endmodule
