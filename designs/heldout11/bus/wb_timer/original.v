// Wishbone (classic, B4) timer peripheral: 8-bit prescaler, 16-bit counter
// with compare/reload and a sticky interrupt flag (write 1 to clear).
//   0x0 CTRL  [0] enable  [1] irq enable
//   0x1 PSC   prescaler value (tick every PSC+1 clocks)
//   0x2 CMP   compare / reload value
//   0x3 STAT  [0] irq flag (W1C), [31:16] counter (read only)
module wb_timer #(
    parameter RST_PSC = 8'd99
) (
    input  wire        clk_i,
    input  wire        rst_i,
    input  wire        cyc_i,
    input  wire        stb_i,
    input  wire        we_i,
    input  wire [1:0]  adr_i,
    input  wire [31:0] dat_i,
    output reg  [31:0] dat_o,
    output reg         ack_o,
    output wire        irq_o
);
    reg [1:0]  ctrl;
    reg [7:0]  psc;
    reg [15:0] cmp;
    reg [15:0] cnt;
    reg        flag;
    reg [31:0] pcnt;          // prescaler count

    wire acc  = cyc_i & stb_i & ~ack_o;
    wire tick = ctrl[0] && (pcnt >= psc);
    wire hit  = tick && (cnt == cmp);

    always @(posedge clk_i) begin
        if (rst_i) begin
            ctrl <= 2'b00; psc <= RST_PSC; cmp <= 16'hffff; ack_o <= 1'b0;
        end else begin
            ack_o <= acc;
            if (acc && we_i) begin
                case (adr_i)
                    2'd0: ctrl <= dat_i[1:0];
                    2'd1: psc  <= dat_i[7:0];
                    2'd2: cmp  <= dat_i[15:0];
                    default: ;
                endcase
            end
        end
    end

    always @(posedge clk_i) begin
        if (rst_i || !ctrl[0]) pcnt <= 32'd0;
        else if (tick)         pcnt <= 32'd0;
        else                   pcnt <= pcnt + 1'b1;
    end

    always @(posedge clk_i) begin
        if (rst_i)      cnt <= 16'd0;
        else if (hit)   cnt <= 16'd0;
        else if (tick)  cnt <= cnt + 1'b1;
    end

    always @(posedge clk_i) begin
        if (rst_i)                                       flag <= 1'b0;
        else if (hit)                                    flag <= 1'b1;
        else if (acc && we_i && adr_i == 2'd3 && dat_i[0]) flag <= 1'b0;
    end

    always @(posedge clk_i) begin
        if (rst_i) dat_o <= 32'd0;
        else case (adr_i)
            2'd0: dat_o <= {30'd0, ctrl};
            2'd1: dat_o <= {24'd0, psc};
            2'd2: dat_o <= {16'd0, cmp};
            default: dat_o <= {cnt, 15'd0, flag};
        endcase
    end

    assign irq_o = flag & ctrl[1];
endmodule

module timer_sys (
    input  wire        clk_i,
    input  wire        rst_i,
    input  wire        cyc_i,
    input  wire        stb_i,
    input  wire        we_i,
    input  wire [1:0]  adr_i,
    input  wire [31:0] dat_i,
    output wire [31:0] dat_o,
    output wire        ack_o,
    output wire        irq_o
);
    wb_timer #(.RST_PSC(8'd24)) u_tmr (
        .clk_i(clk_i), .rst_i(rst_i), .cyc_i(cyc_i), .stb_i(stb_i), .we_i(we_i),
        .adr_i(adr_i), .dat_i(dat_i), .dat_o(dat_o), .ack_o(ack_o), .irq_o(irq_o));
endmodule
