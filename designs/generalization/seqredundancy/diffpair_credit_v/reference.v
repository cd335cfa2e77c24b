// Request credit tracker: one up/down counter of the outstanding requests.
module credit_track #(
    parameter CW  = 6,
    parameter MAX = 40
) (
    input  wire          clk,
    input  wire          srst,
    input  wire          issue_req,
    input  wire          cpl,
    output wire          stall,
    output wire          idle,
    output reg  [CW-1:0] pending
);
    reg [CW-1:0] outst;
    wire issue = issue_req & ~stall;
    wire ret   = cpl & ~idle;

    always @(posedge clk) begin
        if (srst) begin
            outst   <= 0;
            pending <= 0;
        end else begin
            if (issue & ~ret)
                outst <= outst + 1'b1;
            else if (ret & ~issue)
                outst <= outst - 1'b1;
            pending <= outst;
        end
    end

    assign stall = outst == MAX;
    assign idle  = outst == 0;
endmodule
