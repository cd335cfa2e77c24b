// GPIO interrupt block: per-pin rising/falling edge detection into sticky
// pending bits (write-1-to-clear), an enable mask, and a registered summary
// interrupt line.
module gpio_edge #(
    parameter N = 32
) (
    input              clk,
    input              rst_n,
    input      [N-1:0] pin,
    input      [N-1:0] rise_en,
    input      [N-1:0] fall_en,
    output     [N-1:0] evt
);
    reg [N-1:0] s1, s2, s3;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            s1 <= {N{1'b0}};
            s2 <= {N{1'b0}};
            s3 <= {N{1'b0}};
        end else begin
            s1 <= pin;
            s2 <= s1;
            s3 <= s2;
        end
    end
    assign evt = (rise_en & s2 & ~s3) | (fall_en & ~s2 & s3);
endmodule

module gpio_irq #(
    parameter N = 32
) (
    input              clk,
    input              rst_n,
    input      [N-1:0] pin,
    input      [N-1:0] rise_en,
    input      [N-1:0] fall_en,
    input              wr_mask,
    input              wr_clr,
    input      [N-1:0] wdata,
    output reg [N-1:0] pending,
    output reg [N-1:0] mask,
    output reg         irq
);
    wire [N-1:0] evt;
    reg  [N-1:0] pend_n;
    reg  [N-1:0] mask_n;

    gpio_edge #(.N(N)) u_edge (
        .clk(clk), .rst_n(rst_n), .pin(pin),
        .rise_en(rise_en), .fall_en(fall_en), .evt(evt)
    );

    always @(*) begin
        pend_n = pending | evt;
        if (wr_clr) pend_n = pend_n & ~wdata;
        mask_n = wr_mask ? wdata : mask;
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            pending <= {N{1'b0}};
            mask    <= {N{1'b0}};
            irq     <= 1'b0;
        end else begin
            pending <= pend_n;
            mask    <= mask_n;
            irq     <= |(pend_n & mask_n);
        end
    end
endmodule

module gpio_top (
    input         clk,
    input         rst_n,
    input  [11:0] pin,
    input  [11:0] rise_en,
    input  [11:0] fall_en,
    input         wr_mask,
    input         wr_clr,
    input  [11:0] wdata,
    output [11:0] pending,
    output [11:0] mask,
    output        irq
);
    gpio_irq #(.N(12)) u_irq (
        .clk(clk), .rst_n(rst_n), .pin(pin), .rise_en(rise_en), .fall_en(fall_en),
        .wr_mask(wr_mask), .wr_clr(wr_clr), .wdata(wdata),
        .pending(pending), .mask(mask), .irq(irq)
    );
endmodule
