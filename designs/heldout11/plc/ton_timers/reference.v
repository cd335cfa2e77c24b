// Reference: the three TON blocks' free-running millisecond prescalers are in
// lock step from reset, so one prescaler in the module feeds all three
// elapsed-time counters.
module io_module (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [2:0] din,
    output wire [2:0] dout
);
    reg [15:0] pre;
    reg [15:0] et0, et1, et2;
    wire       ms = (pre == 16'd19);

    always @(posedge clk or negedge rst_n)
        if (!rst_n) pre <= 16'd0;
        else        pre <= ms ? 16'd0 : pre + 1'b1;

    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            et0 <= 16'd0; et1 <= 16'd0; et2 <= 16'd0;
        end else begin
            if (!din[0])                  et0 <= 16'd0;
            else if (ms && et0 != 16'd5)  et0 <= et0 + 1'b1;
            if (!din[1])                  et1 <= 16'd0;
            else if (ms && et1 != 16'd12) et1 <= et1 + 1'b1;
            if (!din[2])                  et2 <= 16'd0;
            else if (ms && et2 != 16'd30) et2 <= et2 + 1'b1;
        end

    assign dout = {din[2] && et2 == 16'd30, din[1] && et1 == 16'd12, din[0] && et0 == 16'd5};
endmodule
