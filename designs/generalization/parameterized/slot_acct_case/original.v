// Receive-buffer slot accounting: the free-slot count and the used-slot count are both kept
// (one for the allocator, one for the statistics block), with registered full/empty flags.
module slot_acct #(
    parameter SLOTS = 12
) (
    input  wire                          clk,
    input  wire                          rst_n,
    input  wire                          alloc,
    input  wire                          free,
    output reg                           full,
    output reg                           empty,
    output reg  [$clog2(SLOTS+1)-1:0]    used
);
    localparam W = $clog2(SLOTS + 1);

    reg  [W-1:0] avail;
    wire         do_alloc = alloc & ~full;
    wire         do_free  = free & ~empty;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            avail <= SLOTS;
            used  <= {W{1'b0}};
            full  <= 1'b0;
            empty <= 1'b1;
        end else begin
            case ({do_alloc, do_free})
                2'b10: begin
                    avail <= avail - 1'b1;
                    used  <= used + 1'b1;
                    full  <= (avail == 1);
                    empty <= 1'b0;
                end
                2'b01: begin
                    avail <= avail + 1'b1;
                    used  <= used - 1'b1;
                    full  <= 1'b0;
                    empty <= (used == 1);
                end
                default: ;
            endcase
        end
    end
endmodule
