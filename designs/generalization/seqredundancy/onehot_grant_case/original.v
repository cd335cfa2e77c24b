// Lock-style arbiter for 8 requesters: the owner index is latched, and the registered
// grant vector is built with a case statement on the next owner.
module lock_arb8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [7:0] req,
    input  wire [2:0] want,
    input  wire       release_i,
    output reg  [7:0] gnt,
    output reg  [2:0] owner,
    output wire       owner_req
);
    reg [2:0] owner_n;
    reg       held_n;
    reg [7:0] gnt_n;

    // the owner's request line, through the grant vector
    assign owner_req = gnt[owner] & req[owner];

    always @* begin
        owner_n = owner;
        held_n  = |gnt;
        if (!held_n && req[want]) begin
            owner_n = want;
            held_n  = 1'b1;
        end else if (held_n && (release_i || !req[owner])) begin
            held_n  = 1'b0;
        end
        case (owner_n)
            3'd0: gnt_n = {7'b0, held_n};
            3'd1: gnt_n = {6'b0, held_n, 1'b0};
            3'd2: gnt_n = {5'b0, held_n, 2'b0};
            3'd3: gnt_n = {4'b0, held_n, 3'b0};
            3'd4: gnt_n = {3'b0, held_n, 4'b0};
            3'd5: gnt_n = {2'b0, held_n, 5'b0};
            3'd6: gnt_n = {1'b0, held_n, 6'b0};
            default: gnt_n = {held_n, 7'b0};
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            owner <= 3'd0;
            gnt   <= 8'd0;
        end else begin
            owner <= owner_n;
            gnt   <= gnt_n;
        end
    end
endmodule
