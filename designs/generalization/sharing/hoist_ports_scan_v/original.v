// four BCD digits each decoded by their own decoder; a scanner module with
// its own digit counter multiplexes the segment patterns
module dec7 (input wire [3:0] d, output reg [6:0] s);
    always @* begin
        case (d)
            4'd0: s = 7'h3f; 4'd1: s = 7'h06; 4'd2: s = 7'h5b; 4'd3: s = 7'h4f;
            4'd4: s = 7'h66; 4'd5: s = 7'h6d; 4'd6: s = 7'h7d; 4'd7: s = 7'h07;
            4'd8: s = 7'h7f; 4'd9: s = 7'h6f; default: s = 7'h40;
        endcase
    end
endmodule
module scan4 (input wire clk, input wire rst, input wire [6:0] s0, input wire [6:0] s1,
              input wire [6:0] s2, input wire [6:0] s3, output reg [6:0] seg, output wire [3:0] an);
    reg [1:0] k;
    always @(posedge clk) k <= rst ? 2'd0 : k + 2'd1;
    always @* begin
        case (k)
            2'd0: seg = s0;
            2'd1: seg = s1;
            2'd2: seg = s2;
            default: seg = s3;
        endcase
    end
    assign an = 4'b0001 << k;
endmodule
module hoist_ports_scan_v (input wire clk, input wire rst, input wire [15:0] bcd, output wire [6:0] seg,
                 output wire [3:0] an);
    wire [3:0] d0 = bcd[3:0], d1 = bcd[7:4], d2 = bcd[11:8], d3 = bcd[15:12];
    wire [6:0] p0, p1, p2, p3;
    dec7 u0 (.d(d0), .s(p0));
    dec7 u1 (.d(d1), .s(p1));
    dec7 u2 (.d(d2), .s(p2));
    dec7 u3 (.d(d3), .s(p3));
    scan4 u_scan (.clk(clk), .rst(rst), .s0(p0), .s1(p1), .s2(p2), .s3(p3), .seg(seg), .an(an));
endmodule
