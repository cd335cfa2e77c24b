// Request credit tracker for a posted-write port: every issued request and
// every returned completion is counted; the outstanding count is the
// difference of the two tallies, and issue stalls when it reaches the limit.
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
    reg [CW-1:0] n_issued;
    reg [CW-1:0] n_done;
    wire [CW-1:0] outstanding = n_issued - n_done;
    wire issue = issue_req & ~stall;

    always @(posedge clk) begin
        if (srst) begin
            n_issued <= 0;
            n_done   <= 0;
            pending  <= 0;
        end else begin
            if (issue)
                n_issued <= n_issued + 1'b1;
            if (cpl && !idle)
                n_done <= n_done + 1'b1;
            pending <= n_issued - n_done;
        end
    end

    assign stall = outstanding == MAX;
    assign idle  = (n_issued == n_done);
endmodule
