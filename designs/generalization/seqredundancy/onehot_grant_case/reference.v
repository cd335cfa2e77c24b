// Reference: the grant vector is zero or one-hot at the owner: keep one 'held' flop and
// decode it; the owner's grant bit is the flag itself.
module lock_arb8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [7:0] req,
    input  wire [2:0] want,
    input  wire       release_i,
    output wire [7:0] gnt,
    output reg  [2:0] owner,
    output wire       owner_req
);
    reg [2:0] owner_n;
    reg       held, held_n;

    assign gnt = {7'b0, held} << owner;
    assign owner_req = held & req[owner];

    always @* begin
        owner_n = owner;
        held_n  = held;
        if (!held && req[want]) begin
            owner_n = want;
            held_n  = 1'b1;
        end else if (held && (release_i || !req[owner])) begin
            held_n  = 1'b0;
        end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            owner <= 3'd0;
            held  <= 1'b0;
        end else begin
            owner <= owner_n;
            held  <= held_n;
        end
    end
endmodule
