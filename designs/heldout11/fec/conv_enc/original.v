// Punctured rate-1/2 mother-code convolutional encoder. Each output branch is
// its own module with its own copy of the encoder memory and of the
// puncturing-pattern position, so a branch can be dropped or re-punctured
// without touching the other one.
module conv_branch #(
    parameter K = 7,              // constraint length
    parameter [K-1:0] G = 7'o171, // generator, MSB taps the newest bit
    parameter P = 2,              // puncturing period
    parameter [P-1:0] PAT = 2'b11 // keep pattern, bit i = position i
) (
    input  wire clk,
    input  wire rst,
    input  wire flush,            // start of a new frame
    input  wire en,
    input  wire din,
    output reg  cbit,
    output reg  cvalid            // cbit is transmitted (not punctured)
);
    reg [K-2:0] mem;              // mem[K-2] is the previous input bit
    reg [7:0]   ppos;             // position in the puncturing pattern

    always @(posedge clk) begin
        if (rst || flush) begin
            mem    <= {(K-1){1'b0}};
            ppos   <= 8'd0;
            cbit   <= 1'b0;
            cvalid <= 1'b0;
        end else if (en) begin
            mem    <= {din, mem[K-2:1]};
            cbit   <= ^({din, mem} & G);
            cvalid <= PAT[ppos];
            ppos   <= (ppos == P - 1) ? 8'd0 : ppos + 1'b1;
        end else begin
            cvalid <= 1'b0;
        end
    end
endmodule

module conv_enc (
    input  wire clk,
    input  wire rst,
    input  wire flush,
    input  wire en,
    input  wire din,
    output wire c0,
    output wire v0,
    output wire c1,
    output wire v1
);
    // rate 3/4 from the K=5 mother code: keep patterns 101 / 110
    conv_branch #(.K(5), .G(5'b10011), .P(3), .PAT(3'b101)) u_g0 (
        .clk(clk), .rst(rst), .flush(flush), .en(en), .din(din), .cbit(c0), .cvalid(v0));
    conv_branch #(.K(5), .G(5'b11101), .P(3), .PAT(3'b011)) u_g1 (
        .clk(clk), .rst(rst), .flush(flush), .en(en), .din(din), .cbit(c1), .cvalid(v1));
endmodule
