// Manchester frame receiver for a lighting-bus slave: a start bit, NB data
// bits (each a half-bit pair that must differ), then an idle stop period.
// The line is sampled by a clock-enable at HALF samples per half bit.
module line_sync (
    input  logic clk,
    input  logic rst,
    input  logic rx_async,
    output logic rx
);
    logic [1:0] s;
    always_ff @(posedge clk)
        if (rst) s <= 2'b11;
        else     s <= {s[0], rx_async};
    assign rx = s[1];
endmodule

module manch_rx #(
    parameter int NB   = 8,
    parameter int HALF = 4
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          rx,
    output logic [NB-1:0] data,
    output logic          valid,
    output logic          err
);
    typedef enum logic [5:0] {
        S_IDLE  = 6'b000001,
        S_START = 6'b000010,
        S_H1    = 6'b000100,
        S_H2    = 6'b001000,
        S_STOP  = 6'b010000,
        S_ERR   = 6'b100000
    } st_t;
    st_t state;
    logic [$clog2(HALF)-1:0]   sc;
    logic [$clog2(NB+1)-1:0]   nb;
    logic                      h1;
    logic [NB-1:0]             sr;

    always_ff @(posedge clk) begin
        if (rst) begin
            state <= S_IDLE; sc <= '0; nb <= '0; h1 <= 1'b0; sr <= '0;
            data <= '0; valid <= 1'b0; err <= 1'b0;
        end else begin
            valid <= 1'b0;
            unique case (state)
                S_IDLE: if (!rx) begin
                    sc <= '0; state <= S_START;
                end
                S_START: begin   // low half of the start bit
                    if (sc == HALF-1) begin
                        sc <= '0; nb <= '0;
                        state <= rx ? S_ERR : S_H1;
                    end else sc <= sc + 1'b1;
                end
                S_H1: begin
                    if (sc == HALF-1) begin
                        sc <= '0; h1 <= rx; state <= S_H2;
                    end else sc <= sc + 1'b1;
                end
                S_H2: begin
                    if (sc == HALF-1) begin
                        sc <= '0;
                        if (rx == h1) state <= S_ERR;
                        else begin
                            sr <= {sr[NB-2:0], rx};
                            if (nb == NB-1) state <= S_STOP;
                            else begin nb <= nb + 1'b1; state <= S_H1; end
                        end
                    end else sc <= sc + 1'b1;
                end
                S_STOP: begin
                    if (sc == HALF-1) begin
                        sc <= '0;
                        if (rx) begin data <= sr; valid <= 1'b1; state <= S_IDLE; end
                        else state <= S_ERR;
                    end else sc <= sc + 1'b1;
                end
                S_ERR: begin
                    err <= 1'b1;
                    if (rx) state <= S_IDLE;
                end
            endcase
        end
    end
endmodule

module bus_slave_rx (
    input  logic       clk,
    input  logic       rst,
    input  logic       rx_pin,
    output logic [5:0] cmd,
    output logic       cmd_vld,
    output logic       line_err
);
    logic rx;
    line_sync u_sync (.clk, .rst, .rx_async(rx_pin), .rx);
    manch_rx #(.NB(6), .HALF(3)) u_rx (.clk, .rst, .rx, .data(cmd), .valid(cmd_vld), .err(line_err));
endmodule
