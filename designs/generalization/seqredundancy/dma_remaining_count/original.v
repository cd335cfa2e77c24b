// DMA burst engine: the beat index and the remaining-beat count are both kept as registers.
module dma_burst (
    input  wire        clk,
    input  wire        rst,
    input  wire        go,
    input  wire [7:0]  len_m1,
    input  wire        ack,
    output reg  [7:0]  beat,
    output reg  [7:0]  remaining,
    output wire        busy,
    output wire        last
);
    reg        run;
    reg [7:0]  len_q;
    always @(posedge clk) begin
        if (rst) begin
            run <= 1'b0;
            len_q <= 8'd0;
        end else if (go && !run) begin
            run <= 1'b1;
            len_q <= len_m1;
        end else if (run && ack && beat == len_q) begin
            run <= 1'b0;
        end
    end
    always @(posedge clk) begin
        if (rst)
            beat <= 8'd0;
        else if (go && !run)
            beat <= 8'd0;
        else if (run && ack)
            beat <= beat + 8'd1;
    end
    // counts down in lock step from 255
    always @(posedge clk) begin
        if (rst)
            remaining <= 8'hFF;
        else if (go && !run)
            remaining <= 8'hFF;
        else if (run && ack)
            remaining <= remaining - 8'd1;
    end
    assign busy = run;
    assign last = run && (beat == len_q);
endmodule
