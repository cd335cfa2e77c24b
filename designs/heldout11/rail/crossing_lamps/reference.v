// Reference: the three flasher boards see the same warn input from the same
// reset, so their counters are equal and the right-hand phase is always the
// complement of the left-hand one; one counter and one phase flop remain.
module crossing_lamps (
    input  wire clk,
    input  wire rst_n,
    input  wire train_near,
    output wire lamp_left,
    output wire lamp_right,
    output wire bell
);
    reg [24:0] cnt;
    reg        ph;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt <= 25'd0;
            ph  <= 1'b1;
        end else if (!train_near) begin
            cnt <= 25'd0;
            ph  <= 1'b1;
        end else if (cnt == 25'd39) begin
            cnt <= 25'd0;
            ph  <= ~ph;
        end else begin
            cnt <= cnt + 1'b1;
        end
    end

    assign lamp_left  = train_near & ph;
    assign lamp_right = train_near & ~ph;
    assign bell       = train_near & ph;
endmodule
