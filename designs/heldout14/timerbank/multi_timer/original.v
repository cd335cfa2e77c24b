// General-purpose timer block (three compare channels) in the style of a
// microcontroller peripheral: register file, per-channel counter with its
// own prescaler, and an interrupt combiner.

// Clock prescaler: one tick every PRESC enabled cycles.
module tb_prescaler #(
    parameter PRESC = 1000,
    parameter PW    = 16
) (
    input  wire clk,
    input  wire rst_n,
    input  wire en,
    output wire tick
);
    reg [PW-1:0] cnt;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            cnt <= {PW{1'b0}};
        else if (!en)
            cnt <= {PW{1'b0}};
        else if (cnt == PRESC - 1)
            cnt <= {PW{1'b0}};
        else
            cnt <= cnt + 1'b1;
    end

    assign tick = en && (cnt == PRESC - 1);
endmodule

// One timer channel: counts prescaled ticks up to the compare value, raises
// a match flag and restarts (periodic mode) or stops (one-shot mode).
module tb_channel #(
    parameter CW    = 16,
    parameter PRESC = 1000
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          global_run,
    input  wire          ch_en,
    input  wire          oneshot,
    input  wire [CW-1:0] compare,
    input  wire          match_clr,
    output reg  [CW-1:0] count,
    output reg           match
);
    wire tick;
    reg  stopped;

    tb_prescaler #(.PRESC(PRESC)) u_pre (
        .clk(clk), .rst_n(rst_n), .en(global_run), .tick(tick)
    );

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            count   <= {CW{1'b0}};
            match   <= 1'b0;
            stopped <= 1'b0;
        end else begin
            if (match_clr)
                match <= 1'b0;
            if (!ch_en) begin
                count   <= {CW{1'b0}};
                stopped <= 1'b0;
            end else if (tick && !stopped) begin
                if (count == compare) begin
                    count <= {CW{1'b0}};
                    match <= 1'b1;
                    if (oneshot)
                        stopped <= 1'b1;
                end else begin
                    count <= count + 1'b1;
                end
            end
        end
    end
endmodule

// Register file: CTRL (run + per-channel enable/oneshot), three compare
// registers, write-one-to-clear status.
module tb_regs #(
    parameter CW = 16
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          we,
    input  wire [2:0]    addr,
    input  wire [15:0]   wdata,
    output reg           run,
    output reg  [2:0]    ch_en,
    output reg  [2:0]    oneshot,
    output reg  [CW-1:0] cmp0,
    output reg  [CW-1:0] cmp1,
    output reg  [CW-1:0] cmp2,
    output wire [2:0]    match_clr,
    output reg  [2:0]    irq_mask
);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run      <= 1'b0;
            ch_en    <= 3'b000;
            oneshot  <= 3'b000;
            cmp0     <= {CW{1'b1}};
            cmp1     <= {CW{1'b1}};
            cmp2     <= {CW{1'b1}};
            irq_mask <= 3'b000;
        end else if (we) begin
            case (addr)
                3'd0: begin
                    run     <= wdata[0];
                    ch_en   <= wdata[3:1];
                    oneshot <= wdata[6:4];
                end
                3'd1: cmp0     <= wdata[CW-1:0];
                3'd2: cmp1     <= wdata[CW-1:0];
                3'd3: cmp2     <= wdata[CW-1:0];
                3'd4: irq_mask <= wdata[2:0];
                default: ;
            endcase
        end
    end

    assign match_clr = (we && addr == 3'd5) ? wdata[2:0] : 3'b000;
endmodule

// Interrupt combiner: level interrupt while any unmasked match is set.
module tb_irq (
    input  wire [2:0] match,
    input  wire [2:0] mask,
    output wire       irq
);
    assign irq = |(match & mask);
endmodule

module tb_timer_block #(
    parameter CW    = 16,
    parameter PRESC = 1000
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          we,
    input  wire [2:0]    addr,
    input  wire [15:0]   wdata,
    output wire [2:0]    match,
    output wire [CW-1:0] count0,
    output wire          irq
);
    wire          run;
    wire [2:0]    ch_en, oneshot, match_clr, irq_mask;
    wire [CW-1:0] cmp0, cmp1, cmp2;
    wire [CW-1:0] count1, count2;

    tb_regs #(.CW(CW)) u_regs (
        .clk(clk), .rst_n(rst_n), .we(we), .addr(addr), .wdata(wdata),
        .run(run), .ch_en(ch_en), .oneshot(oneshot),
        .cmp0(cmp0), .cmp1(cmp1), .cmp2(cmp2), .match_clr(match_clr), .irq_mask(irq_mask)
    );

    tb_channel #(.CW(CW), .PRESC(PRESC)) u_ch0 (
        .clk(clk), .rst_n(rst_n), .global_run(run), .ch_en(ch_en[0]), .oneshot(oneshot[0]),
        .compare(cmp0), .match_clr(match_clr[0]), .count(count0), .match(match[0])
    );
    tb_channel #(.CW(CW), .PRESC(PRESC)) u_ch1 (
        .clk(clk), .rst_n(rst_n), .global_run(run), .ch_en(ch_en[1]), .oneshot(oneshot[1]),
        .compare(cmp1), .match_clr(match_clr[1]), .count(count1), .match(match[1])
    );
    tb_channel #(.CW(CW), .PRESC(PRESC)) u_ch2 (
        .clk(clk), .rst_n(rst_n), .global_run(run), .ch_en(ch_en[2]), .oneshot(oneshot[2]),
        .compare(cmp2), .match_clr(match_clr[2]), .count(count2), .match(match[2])
    );

    tb_irq u_irq (.match(match), .mask(irq_mask), .irq(irq));
endmodule

module mcu_timers (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        we,
    input  wire [2:0]  addr,
    input  wire [15:0] wdata,
    output wire [2:0]  match,
    output wire [7:0]  count0,
    output wire        irq
);
    tb_timer_block #(.CW(8), .PRESC(20)) u_tb (
        .clk(clk), .rst_n(rst_n), .we(we), .addr(addr), .wdata(wdata),
        .match(match), .count0(count0), .irq(irq)
    );
endmodule
