// NAND-flash boot loader: a boot sequencer polls the device status and then
// reads the boot pages through a generic NAND bus-cycle engine that also
// implements program and erase cycles (the engine is shared IP).
// Reference: the sequencer only ever issues status (10) and read (01), so
// the program/erase states, the erase timer and the data path go; the
// opcode is one bit.
module nand_cyc #(
    parameter NADDR = 5,
    parameter PAGE  = 16,
    parameter TER   = 200
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire [1:0] cmd,        // 01 read page, 10 status (the only ones issued)
    input  wire [7:0] row,
    input  wire [7:0] din,
    input  wire       rb,
    input  wire [7:0] io_in,
    output reg        cle,
    output reg        ale,
    output reg        we,
    output reg        re,
    output reg        io_oe,
    output reg  [7:0] io_out,
    output reg        din_rd,
    output reg        byte_vld,
    output reg        done
);
    localparam IDLE = 3'd0, CMD1 = 3'd1, ADDR = 3'd2, CMD2 = 3'd3,
               WRB  = 3'd4, RDAT = 3'd5, STAT = 3'd6, FIN  = 3'd7;
    reg [2:0] st, nst;
    reg       stat_op;
    reg [7:0] cnt;

    always @(posedge clk) begin
        if (rst) begin
            st <= IDLE; stat_op <= 1'b0; cnt <= 8'd0;
        end else begin
            st <= nst;
            if (st == IDLE && go) stat_op <= cmd[1];
            if (nst != st)        cnt <= 8'd0;
            else                  cnt <= cnt + 8'd1;
        end
    end

    always @* begin
        nst = st;
        cle = 1'b0; ale = 1'b0; we = 1'b0; re = 1'b0; io_oe = 1'b0; io_out = 8'h00;
        din_rd = 1'b0; byte_vld = 1'b0; done = 1'b0;
        case (st)
            IDLE: if (go) nst = CMD1;
            CMD1: begin
                cle = 1'b1; we = 1'b1; io_oe = 1'b1;
                io_out = stat_op ? 8'h70 : 8'h00;
                nst = stat_op ? STAT : ADDR;
            end
            ADDR: begin
                ale = 1'b1; we = 1'b1; io_oe = 1'b1;
                io_out = (cnt == NADDR - 1) ? row : 8'h00;
                if (cnt == NADDR - 1) nst = CMD2;
            end
            CMD2: begin
                cle = 1'b1; we = 1'b1; io_oe = 1'b1;
                io_out = 8'h30;
                nst = WRB;
            end
            WRB:  if (rb) nst = RDAT;
            RDAT: begin
                re = 1'b1; byte_vld = 1'b1;
                if (cnt == PAGE - 1) nst = FIN;
            end
            STAT: begin
                re = 1'b1; byte_vld = 1'b1;
                nst = FIN;
            end
            default: begin done = 1'b1; nst = IDLE; end
        endcase
    end
endmodule

module boot_seq #(
    parameter NPAGES = 64
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       cyc_done,
    input  wire       byte_vld,
    input  wire [7:0] io_in,
    output reg        go,
    output reg  [1:0] cmd,
    output reg  [7:0] row,
    output reg        boot_done
);
    localparam B_POLL = 2'd0, B_PWAIT = 2'd1, B_READ = 2'd2, B_RWAIT = 2'd3;
    reg [1:0] bs;
    reg       ready;
    always @(posedge clk) begin
        if (rst) begin
            bs <= B_POLL; go <= 1'b0; cmd <= 2'b10; row <= 8'd0; boot_done <= 1'b0; ready <= 1'b0;
        end else begin
            go <= 1'b0;
            case (bs)
                B_POLL:  begin go <= 1'b1; cmd <= 2'b10; bs <= B_PWAIT; end
                B_PWAIT: begin
                    if (byte_vld) ready <= io_in[6];
                    if (cyc_done) bs <= ready ? B_READ : B_POLL;
                end
                B_READ:  if (!boot_done) begin go <= 1'b1; cmd <= 2'b01; bs <= B_RWAIT; end
                B_RWAIT: if (cyc_done) begin
                    if (row == NPAGES - 1) boot_done <= 1'b1;
                    else                   row <= row + 8'd1;
                    bs <= B_READ;
                end
            endcase
        end
    end
endmodule

module nand_boot (
    input  wire       clk,
    input  wire       rst,
    input  wire       rb,
    input  wire [7:0] io_in,
    output wire       cle,
    output wire       ale,
    output wire       we,
    output wire       re,
    output wire       io_oe,
    output wire [7:0] io_out,
    output wire       byte_vld,
    output wire       boot_done
);
    wire       go, done, din_rd;
    wire [1:0] cmd;
    wire [7:0] row;
    boot_seq #(.NPAGES(4)) u_seq (.clk(clk), .rst(rst), .cyc_done(done), .byte_vld(byte_vld), .io_in(io_in),
                                  .go(go), .cmd(cmd), .row(row), .boot_done(boot_done));
    nand_cyc #(.NADDR(3), .PAGE(8), .TER(150)) u_cyc (.clk(clk), .rst(rst), .go(go), .cmd(cmd), .row(row),
                                  .din(8'h00), .rb(rb), .io_in(io_in), .cle(cle), .ale(ale), .we(we), .re(re),
                                  .io_oe(io_oe), .io_out(io_out), .din_rd(din_rd), .byte_vld(byte_vld), .done(done));
endmodule
