// Mask-based round robin: grant the lowest request above 'last' if any, else the lowest overall.
// x & -x isolates the lowest set bit of each candidate vector.
module rr_arb8 (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] req,
    output wire [7:0] gnt,
    output wire [2:0] gnt_id,
    output wire       gnt_vld
);
    reg  [2:0] last;
    wire [7:0] above  = ~((8'd2 << last) - 8'd1);    // bits strictly above 'last'
    wire [7:0] hi     = req & above;
    wire [7:0] pick   = (|hi) ? hi : req;
    assign gnt     = pick & (~pick + 8'd1);
    assign gnt_vld = |req;
    assign gnt_id  = {|(gnt & 8'hF0), |(gnt & 8'hCC), |(gnt & 8'hAA)};
    always @(posedge clk) begin
        if (rst)          last <= 3'd7;
        else if (gnt_vld) last <= gnt_id;
    end
endmodule
