// Audio codec PCM link (I2S-like, two slots per frame): the transmitter and
// the receiver are separate blocks, each with its own slot state machine
// and bit counter following the frame sync and the bit-clock tick.
module pcm_tx #(
    parameter int W  = 24,
    parameter int BW = 5
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         fsync,
    input  logic         tick,
    input  logic [W-1:0] left,
    input  logic [W-1:0] right,
    output logic         sdo,
    output logic         busy
);
    typedef enum logic [1:0] {T_IDLE, T_LEFT, T_RIGHT} tst_t;
    tst_t st;
    logic [BW-1:0] bitn;
    logic [W-1:0]  sh;
    always_ff @(posedge clk) begin
        if (rst) begin
            st <= T_IDLE; bitn <= '0; sh <= '0;
        end else if (fsync) begin
            st <= T_LEFT; bitn <= '0; sh <= left;
        end else if (tick) begin
            unique case (st)
                T_IDLE: ;
                T_LEFT: begin
                    sh <= {sh[W-2:0], 1'b0};
                    if (bitn == BW'(W - 1)) begin
                        st <= T_RIGHT; bitn <= '0; sh <= right;
                    end else bitn <= bitn + 1'b1;
                end
                T_RIGHT: begin
                    sh <= {sh[W-2:0], 1'b0};
                    if (bitn == BW'(W - 1)) begin
                        st <= T_IDLE; bitn <= '0;
                    end else bitn <= bitn + 1'b1;
                end
                default: st <= T_IDLE;
            endcase
        end
    end
    assign sdo  = sh[W-1];
    assign busy = (st != T_IDLE);
endmodule

module pcm_rx #(
    parameter int W  = 24,
    parameter int BW = 5
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         fsync,
    input  logic         tick,
    input  logic         sdi,
    output logic [W-1:0] left,
    output logic [W-1:0] right,
    output logic         vld
);
    typedef enum logic [1:0] {R_IDLE, R_LEFT, R_RIGHT} rst_t;
    rst_t st;
    logic [BW-1:0] bitn;
    logic [W-1:0]  sh;
    always_ff @(posedge clk) begin
        if (rst) begin
            st <= R_IDLE; bitn <= '0; sh <= '0; left <= '0; right <= '0; vld <= 1'b0;
        end else begin
            vld <= 1'b0;
            if (fsync) begin
                st <= R_LEFT; bitn <= '0;
            end else if (tick) begin
                unique case (st)
                    R_IDLE: ;
                    R_LEFT: begin
                        sh <= {sh[W-2:0], sdi};
                        if (bitn == BW'(W - 1)) begin
                            st <= R_RIGHT; bitn <= '0; left <= {sh[W-2:0], sdi};
                        end else bitn <= bitn + 1'b1;
                    end
                    R_RIGHT: begin
                        sh <= {sh[W-2:0], sdi};
                        if (bitn == BW'(W - 1)) begin
                            st <= R_IDLE; bitn <= '0; right <= {sh[W-2:0], sdi}; vld <= 1'b1;
                        end else bitn <= bitn + 1'b1;
                    end
                    default: st <= R_IDLE;
                endcase
            end
        end
    end
endmodule

module codec_link (
    input  logic        clk,
    input  logic        rst,
    input  logic        fsync,
    input  logic        tick,
    input  logic [11:0] dac_l,
    input  logic [11:0] dac_r,
    input  logic        sdin,
    output logic        sdout,
    output logic        tx_busy,
    output logic [11:0] adc_l,
    output logic [11:0] adc_r,
    output logic        adc_vld
);
    pcm_tx #(.W(12), .BW(4)) u_tx (.clk, .rst, .fsync, .tick, .left(dac_l), .right(dac_r), .sdo(sdout), .busy(tx_busy));
    pcm_rx #(.W(12), .BW(4)) u_rx (.clk, .rst, .fsync, .tick, .sdi(sdin), .left(adc_l), .right(adc_r), .vld(adc_vld));
endmodule
