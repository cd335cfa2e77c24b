// Four named coefficient registers, each picked by its own case table: the filter tap reads them
// through ksel during the MAC phase, the host readback through hsel while idle. The two tables
// are one table on different selects and never observed together (reference: one table).
module readshare_case_tables_v (
    input  wire        clk,
    input  wire        rst,
    input  wire        ld,      // host load of coefficient hsel
    input  wire [1:0]  hsel,
    input  wire [9:0]  hdata,
    input  wire        start,
    input  wire [9:0]  x,
    output reg  [19:0] acc,
    output reg  [9:0]  rdback,
    output reg         busy
);
    reg [9:0] k0, k1, k2, k3;
    reg [1:0] ksel;
    reg [9:0] kval;
    wire [1:0] csel = busy ? ksel : hsel;

    always @(*) begin
        case (csel)
            2'd0: kval = k0;
            2'd1: kval = k1;
            2'd2: kval = k2;
            default: kval = k3;
        endcase
    end

    always @(posedge clk) begin
        if (rst) begin
            k0 <= 10'd0; k1 <= 10'd0; k2 <= 10'd0; k3 <= 10'd0;
            ksel <= 2'd0; acc <= 20'd0; rdback <= 10'd0; busy <= 1'b0;
        end else if (busy) begin
            acc  <= acc + (kval ^ x);
            ksel <= ksel + 2'd1;
            if (ksel == 2'd3) busy <= 1'b0;
        end else begin
            rdback <= kval;
            if (ld) begin
                case (hsel)
                    2'd0: k0 <= hdata;
                    2'd1: k1 <= hdata;
                    2'd2: k2 <= hdata;
                    default: k3 <= hdata;
                endcase
            end
            if (start) begin busy <= 1'b1; ksel <= 2'd0; acc <= 20'd0; end
        end
    end
endmodule
