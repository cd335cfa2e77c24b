// Hamming(7,4) receive path for a multi-lane link: each lane decodes a 7-bit
// codeword (p1 p2 d1 p3 d2 d3 d4, position 1 first), corrects a single bit error
// and reports the syndrome and an error flag, all registered.
module ham74_dec (
    input            clk,
    input            rst_n,
    input            en,
    input      [6:0] cw,          // cw[0] = position 1
    output reg [3:0] data,
    output reg [2:0] syn,
    output reg       err
);
    wire s1 = cw[0] ^ cw[2] ^ cw[4] ^ cw[6];
    wire s2 = cw[1] ^ cw[2] ^ cw[5] ^ cw[6];
    wire s3 = cw[3] ^ cw[4] ^ cw[5] ^ cw[6];
    wire [2:0] s = {s3, s2, s1};

    reg [6:0] fixed;
    always @(*) begin
        fixed = cw;
        case (s)
            3'd1: fixed[0] = ~cw[0];
            3'd2: fixed[1] = ~cw[1];
            3'd3: fixed[2] = ~cw[2];
            3'd4: fixed[3] = ~cw[3];
            3'd5: fixed[4] = ~cw[4];
            3'd6: fixed[5] = ~cw[5];
            3'd7: fixed[6] = ~cw[6];
            default: ;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            data <= 4'd0;
            syn  <= 3'd0;
            err  <= 1'b0;
        end else if (en) begin
            data <= {fixed[6], fixed[5], fixed[4], fixed[2]};
            syn  <= s;
            err  <= (s != 3'd0);
        end
    end
endmodule

module ham_rx #(
    parameter NL = 8
) (
    input               clk,
    input               rst_n,
    input               en,
    input  [7*NL-1:0]   cw,
    output [4*NL-1:0]   data,
    output [3*NL-1:0]   syn,
    output [NL-1:0]     err
);
    genvar i;
    generate
        for (i = 0; i < NL; i = i + 1) begin : g_lane
            ham74_dec u_dec (
                .clk(clk), .rst_n(rst_n), .en(en),
                .cw(cw[7*i +: 7]),
                .data(data[4*i +: 4]),
                .syn(syn[3*i +: 3]),
                .err(err[i])
            );
        end
    endgenerate
endmodule

module ham_rx_top (
    input          clk,
    input          rst_n,
    input          en,
    input  [20:0]  cw,
    output [11:0]  data,
    output [8:0]   syn,
    output [2:0]   err
);
    ham_rx #(.NL(3)) u_rx (
        .clk(clk), .rst_n(rst_n), .en(en), .cw(cw),
        .data(data), .syn(syn), .err(err)
    );
endmodule
