// SPI EEPROM byte-write sequencer: the gap before polling (after the data
// byte and after a busy status) is one state; the gap counter is 3 bits.
module spi_byte (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire [7:0] tx,
    input  wire       miso,
    output wire       mosi,
    output wire       sck,
    output reg        fin,
    output reg  [7:0] rx
);
    reg [7:0] sr;
    reg [3:0] n;
    reg       ph;
    reg       act;
    always @(posedge clk) begin
        if (rst) begin
            sr <= 8'd0; n <= 4'd0; ph <= 1'b0; act <= 1'b0; fin <= 1'b0; rx <= 8'd0;
        end else begin
            fin <= 1'b0;
            if (go && !act) begin
                sr <= tx; n <= 4'd0; ph <= 1'b0; act <= 1'b1;
            end else if (act) begin
                ph <= ~ph;
                if (ph) begin
                    sr <= {sr[6:0], miso};
                    if (n == 4'd7) begin
                        act <= 1'b0; fin <= 1'b1; rx <= {sr[6:0], miso};
                    end else
                        n <= n + 4'd1;
                end
            end
        end
    end
    assign mosi = sr[7];
    assign sck  = act & ph;
endmodule

module ee_writer #(
    parameter GAP = 8
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       wr,
    input  wire [7:0] addr,
    input  wire [7:0] wdat,
    input  wire       byte_fin,
    input  wire [7:0] byte_rx,
    output reg        go,
    output reg  [7:0] tx,
    output wire       cs_n,
    output wire       busy
);
    localparam IDLE = 0, WREN = 1, GAP_A = 2, W_CMD = 3, W_ADR = 4, W_DAT = 5,
               GAP_B = 6, P_CMD = 7, P_RD = 8;
    reg [8:0]  st;
    reg [2:0]  gap_cnt;
    always @(posedge clk) begin
        if (rst) begin
            st <= 9'd1 << IDLE; go <= 1'b0; tx <= 8'd0; gap_cnt <= 3'd0;
        end else begin
            go <= 1'b0;
            case (1'b1)
                st[IDLE]:  if (wr) begin st <= 9'd1 << WREN; go <= 1'b1; tx <= 8'h06; end
                st[WREN]:  if (byte_fin) begin st <= 9'd1 << GAP_A; gap_cnt <= 3'd0; end
                st[GAP_A]: if (gap_cnt == GAP-1) begin st <= 9'd1 << W_CMD; go <= 1'b1; tx <= 8'h02; end
                           else gap_cnt <= gap_cnt + 3'd1;
                st[W_CMD]: if (byte_fin) begin st <= 9'd1 << W_ADR; go <= 1'b1; tx <= addr; end
                st[W_ADR]: if (byte_fin) begin st <= 9'd1 << W_DAT; go <= 1'b1; tx <= wdat; end
                st[W_DAT]: if (byte_fin) begin st <= 9'd1 << GAP_B; gap_cnt <= 3'd0; end
                st[GAP_B]: if (gap_cnt == GAP-1) begin st <= 9'd1 << P_CMD; go <= 1'b1; tx <= 8'h05; end
                           else gap_cnt <= gap_cnt + 3'd1;
                st[P_CMD]: if (byte_fin) begin st <= 9'd1 << P_RD; go <= 1'b1; tx <= 8'h00; end
                st[P_RD]:  if (byte_fin) begin
                               if (byte_rx[0]) begin st <= 9'd1 << GAP_B; gap_cnt <= 3'd0; end
                               else st <= 9'd1 << IDLE;
                           end
                default:   st <= 9'd1 << IDLE;
            endcase
        end
    end
    assign cs_n = st[IDLE] | st[GAP_A] | st[GAP_B];
    assign busy = ~st[IDLE];
endmodule

module ee_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire       wr,
    input  wire [7:0] addr,
    input  wire [7:0] wdat,
    input  wire       miso,
    output wire       mosi,
    output wire       sck,
    output wire       cs_n,
    output wire       busy
);
    wire       go, fin;
    wire [7:0] tx, rx;
    ee_writer #(.GAP(5)) u_seq (.clk(clk), .rst(rst), .wr(wr), .addr(addr), .wdat(wdat),
                                .byte_fin(fin), .byte_rx(rx), .go(go), .tx(tx), .cs_n(cs_n), .busy(busy));
    spi_byte u_phy (.clk(clk), .rst(rst), .go(go), .tx(tx), .miso(miso), .mosi(mosi), .sck(sck),
                    .fin(fin), .rx(rx));
endmodule
