// Execute-in-place SPI flash read engine (single-bit SPI, mode 0, READ
// command 03h): a clock generator, a shift register block, and a
// sequencer that sends command + address and collects NB data bytes.
// Hand-optimized: the divider and the bit counter are sized from DIV and
// the frame length, and the shift block takes its bit-in-byte position
// from the sequencer's bit counter instead of counting the same edges.

module spi_clkgen #(
    parameter int DIV = 4,
    parameter int CW  = (DIV > 1) ? $clog2(DIV) : 1
) (
    input  logic clk,
    input  logic rst_n,
    input  logic en,
    output logic sck,
    output logic rise,
    output logic fall
);
    logic [CW-1:0] cnt;
    logic          edge_now;

    assign edge_now = en && (cnt == CW'(DIV - 1));
    assign rise     = edge_now && !sck;
    assign fall     = edge_now && sck;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt <= '0;
            sck <= 1'b0;
        end else if (!en) begin
            cnt <= '0;
            sck <= 1'b0;
        end else if (edge_now) begin
            cnt <= '0;
            sck <= !sck;
        end else begin
            cnt <= cnt + 1'b1;
        end
    end
endmodule

module spi_shreg #(
    parameter int LW = 32
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          load,
    input  logic [LW-1:0] load_word,
    input  logic          rise,
    input  logic          fall,
    input  logic          miso,
    input  logic [2:0]    bit_idx,
    output logic          mosi,
    output logic [7:0]    rx_byte,
    output logic          byte_done
);
    logic [LW-1:0] tx;

    assign mosi      = tx[LW-1];
    assign byte_done = fall && (bit_idx == 3'd7);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            tx      <= '0;
            rx_byte <= '0;
        end else if (load) begin
            tx <= load_word;
        end else begin
            if (rise)
                rx_byte <= {rx_byte[6:0], miso};
            if (fall)
                tx <= {tx[LW-2:0], 1'b0};
        end
    end
endmodule

module xip_seq #(
    parameter int AW = 24,
    parameter int NB = 4,
    parameter int BW = $clog2(8 + AW + 8 * NB)
) (
    input  logic            clk,
    input  logic            rst_n,
    input  logic            req,
    input  logic [AW-1:0]   addr,
    input  logic            fall,
    input  logic            byte_done,
    input  logic [7:0]      rx_byte,
    output logic [2:0]      bit_idx,
    output logic            load,
    output logic [AW+7:0]   load_word,
    output logic            en,
    output logic            cs_n,
    output logic            busy,
    output logic [8*NB-1:0] rdata,
    output logic            rvalid
);
    localparam int TOTAL = 8 + AW + 8 * NB;

    typedef enum logic [1:0] {S_IDLE, S_XFER, S_DONE} state_t;

    state_t        st;
    logic [BW-1:0] bitcnt;

    assign bit_idx   = bitcnt[2:0];
    assign load      = (st == S_IDLE) && req;
    assign load_word = {8'h03, addr};
    assign en        = (st == S_XFER);
    assign cs_n      = (st != S_XFER);
    assign busy      = (st != S_IDLE);
    assign rvalid    = (st == S_DONE);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st     <= S_IDLE;
            bitcnt <= '0;
            rdata  <= '0;
        end else begin
            unique case (st)
                S_IDLE: begin
                    if (req) begin
                        st     <= S_XFER;
                        bitcnt <= '0;
                    end
                end
                S_XFER: begin
                    if (byte_done && bitcnt >= BW'(8 + AW))
                        rdata <= {rdata[8*NB-9:0], rx_byte};
                    if (fall) begin
                        bitcnt <= bitcnt + 1'b1;
                        if (bitcnt == BW'(TOTAL - 1))
                            st <= S_DONE;
                    end
                end
                S_DONE: st <= S_IDLE;
                default: st <= S_IDLE;
            endcase
        end
    end
endmodule

module xip_reader #(
    parameter int AW  = 24,
    parameter int NB  = 4,
    parameter int DIV = 4
) (
    input  logic            clk,
    input  logic            rst_n,
    input  logic            req,
    input  logic [AW-1:0]   addr,
    output logic            busy,
    output logic [8*NB-1:0] rdata,
    output logic            rvalid,
    output logic            sck,
    output logic            cs_n,
    output logic            mosi,
    input  logic            miso
);
    logic          en, rise, fall, load, byte_done;
    logic [AW+7:0] load_word;
    logic [7:0]    rx_byte;
    logic [2:0]    bit_idx;

    spi_clkgen #(.DIV(DIV)) u_clk (
        .clk(clk), .rst_n(rst_n), .en(en), .sck(sck), .rise(rise), .fall(fall)
    );
    spi_shreg #(.LW(AW + 8)) u_sh (
        .clk(clk), .rst_n(rst_n), .load(load), .load_word(load_word), .rise(rise), .fall(fall),
        .miso(miso), .bit_idx(bit_idx), .mosi(mosi), .rx_byte(rx_byte), .byte_done(byte_done)
    );
    xip_seq #(.AW(AW), .NB(NB)) u_seq (
        .clk(clk), .rst_n(rst_n), .req(req), .addr(addr), .fall(fall), .byte_done(byte_done),
        .rx_byte(rx_byte), .bit_idx(bit_idx), .load(load), .load_word(load_word), .en(en), .cs_n(cs_n), .busy(busy),
        .rdata(rdata), .rvalid(rvalid)
    );
endmodule

module boot_flash (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        req,
    input  logic [15:0] addr,
    output logic        busy,
    output logic [15:0] rdata,
    output logic        rvalid,
    output logic        sck,
    output logic        cs_n,
    output logic        mosi,
    input  logic        miso
);
    xip_reader #(.AW(16), .NB(2), .DIV(3)) u_xip (.*);
endmodule
