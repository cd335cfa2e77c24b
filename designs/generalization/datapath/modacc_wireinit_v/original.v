// Packet ones'-complement checksum (sender side) over bytes: a start byte and up
// to 15 more are added into a 12-bit accumulator; the end-around carries are
// folded in by net declaration assignments, and the complement is sent.
module pkt_csum (
    input  wire       clk,
    input  wire       rst,
    input  wire       sop,
    input  wire       bv,
    input  wire [7:0] b,
    output wire [7:0] csum
);
    reg  [11:0] acc;
    reg  [3:0]  n;
    wire [8:0]  f1 = acc[7:0] + acc[11:8];
    wire [7:0]  f2 = f1[7:0] + f1[8];
    wire [7:0]  ck = ~f2;

    always @(posedge clk) begin
        if (rst) begin
            acc <= 12'd0;
            n   <= 4'd0;
        end else if (sop) begin
            acc <= {4'd0, b};
            n   <= 4'd0;
        end else if (bv && n != 4'd15) begin
            acc <= acc + b;
            n   <= n + 4'd1;
        end
    end

    assign csum = ck;
endmodule
