// PS/2 keyboard receiver: start bit, 8 data bits LSB first, odd parity, stop.
// Bit count kept in 3 bits (only nbits == 7 in DATA is ever read, and it is
// cleared on every start bit); frame timeout sized from TIMEOUT.
module ps2_rx #(
    parameter TIMEOUT = 2000,   // system clocks without a PS/2 clock edge
    parameter TW      = 16
) (
    input            clk,
    input            rst,
    input            ps2_clk,
    input            ps2_dat,
    output reg [7:0] code,
    output reg       strobe,
    output reg       err
);
    localparam IDLE = 2'd0, DATA = 2'd1, PARITY = 2'd2, STOP = 2'd3;

    reg [2:0]    clk_s;
    reg [1:0]    dat_s;
    reg [1:0]    state;
    reg [2:0]    nbits;
    reg [7:0]    sh;
    reg          par;
    localparam MW = $clog2(TIMEOUT);
    reg [MW-1:0] tmo;

    wire fall = clk_s[2] & ~clk_s[1];
    wire din  = dat_s[1];

    always @(posedge clk) begin
        if (rst) begin
            clk_s  <= 3'b111;
            dat_s  <= 2'b11;
            state  <= IDLE;
            nbits  <= 3'd0;
            sh     <= 8'd0;
            par    <= 1'b0;
            tmo    <= {MW{1'b0}};
            code   <= 8'd0;
            strobe <= 1'b0;
            err    <= 1'b0;
        end else begin
            clk_s  <= {clk_s[1:0], ps2_clk};
            dat_s  <= {dat_s[0], ps2_dat};
            strobe <= 1'b0;
            if (fall) begin
                tmo <= {MW{1'b0}};
                case (state)
                    IDLE: if (!din) begin
                        state <= DATA;
                        nbits <= 3'd0;
                        par   <= 1'b0;
                        err   <= 1'b0;
                    end
                    DATA: begin
                        sh    <= {din, sh[7:1]};
                        par   <= par ^ din;
                        nbits <= nbits + 3'd1;
                        if (nbits == 7) state <= PARITY;
                    end
                    PARITY: begin
                        err   <= ~(par ^ din);
                        state <= STOP;
                    end
                    STOP: begin
                        if (din && !err) begin
                            code   <= sh;
                            strobe <= 1'b1;
                        end else
                            err <= 1'b1;
                        state <= IDLE;
                    end
                endcase
            end else if (state != IDLE) begin
                if (tmo == TIMEOUT - 1) begin
                    tmo   <= {MW{1'b0}};
                    state <= IDLE;
                    err   <= 1'b1;
                end else
                    tmo <= tmo + 1'b1;
            end
        end
    end
endmodule

module kbd_if (
    input        clk,
    input        rst,
    input        ps2_clk,
    input        ps2_dat,
    output [7:0] scancode,
    output       scan_vld,
    output       scan_err
);
    ps2_rx #(.TIMEOUT(50)) u_rx (
        .clk(clk), .rst(rst), .ps2_clk(ps2_clk), .ps2_dat(ps2_dat),
        .code(scancode), .strobe(scan_vld), .err(scan_err)
    );
endmodule
