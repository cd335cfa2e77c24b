// NAND-flash boot loader: a boot sequencer polls the device status and then
// reads the boot pages through a generic NAND bus-cycle engine that also
// implements program and erase cycles (the engine is shared IP).
module nand_cyc #(
    parameter NADDR = 5,
    parameter PAGE  = 16,
    parameter TER   = 200
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire [1:0] cmd,        // 01 read page, 10 status, 11 erase, 00 program
    input  wire [7:0] row,
    input  wire [7:0] din,        // program data
    input  wire       rb,         // ready/busy from the device
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
    localparam IDLE = 4'd0, CMD1 = 4'd1, ADDR = 4'd2, WDAT = 4'd3, CMD2 = 4'd4,
               WRB  = 4'd5, RDAT = 4'd6, ERW  = 4'd7, STAT = 4'd8, FIN  = 4'd9;
    reg [3:0] st, nst;
    reg [1:0] op;
    reg [7:0] cnt;
    reg [7:0] ert;

    always @(posedge clk) begin
        if (rst) begin
            st <= IDLE; op <= 2'd0; cnt <= 8'd0; ert <= 8'd0;
        end else begin
            st <= nst;
            if (st == IDLE && go) op <= cmd;
            if (nst != st)        cnt <= 8'd0;
            else                  cnt <= cnt + 8'd1;
            if (st == ERW)        ert <= ert + 8'd1;
            else                  ert <= 8'd0;
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
                case (op)
                    2'b01:   io_out = 8'h00;
                    2'b10:   io_out = 8'h70;
                    2'b11:   io_out = 8'h60;
                    default: io_out = 8'h80;
                endcase
                nst = (op == 2'b10) ? STAT : ADDR;
            end
            ADDR: begin
                ale = 1'b1; we = 1'b1; io_oe = 1'b1;
                io_out = (cnt == NADDR - 1) ? row : 8'h00;
                if (cnt == NADDR - 1) nst = (op == 2'b00) ? WDAT : CMD2;
            end
            WDAT: begin
                we = 1'b1; io_oe = 1'b1; io_out = din; din_rd = 1'b1;
                if (cnt == PAGE - 1) nst = CMD2;
            end
            CMD2: begin
                cle = 1'b1; we = 1'b1; io_oe = 1'b1;
                io_out = (op == 2'b01) ? 8'h30 : (op == 2'b11) ? 8'hD0 : 8'h10;
                nst = WRB;
            end
            WRB:  if (rb) nst = (op == 2'b01) ? RDAT : (op == 2'b11) ? ERW : STAT;
            RDAT: begin
                re = 1'b1; byte_vld = 1'b1;
                if (cnt == PAGE - 1) nst = FIN;
            end
            ERW:  if (ert == TER - 1) nst = STAT;
            STAT: begin
                re = 1'b1; byte_vld = 1'b1;
                nst = FIN;
            end
            FIN:  begin done = 1'b1; nst = IDLE; end
            default: nst = IDLE;
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
