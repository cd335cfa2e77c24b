// SSI-style serial shift-out master: MSB first, one bit per divided clock period.
module ssi_tx #(
    parameter W   = 8,
    parameter DIV = 4
) (
    input              clk,
    input              rst_n,
    input              start,
    input      [W-1:0] data,
    output reg         sclk,
    output reg         sdo,
    output reg         busy,
    output reg         done
);
    localparam IDLE = 2'd0, SHIFT = 2'd1, HOLD = 2'd2, FIN = 2'd3;
    reg [1:0]               state;
    reg [W-1:0]             sh;
    reg [$clog2(W)-1:0]     nbit;
    reg [$clog2(DIV)-1:0]   div;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= IDLE;
            sh    <= {W{1'b0}};
            nbit  <= 0;
            div   <= 0;
            sclk  <= 1'b1;
            sdo   <= 1'b1;
            busy  <= 1'b0;
            done  <= 1'b0;
        end else begin
            done <= 1'b0;
            case (state)
                IDLE: begin
                    sclk <= 1'b1;
                    if (start) begin
                        sh    <= data;
                        nbit  <= 0;
                        div   <= 0;
                        busy  <= 1'b1;
                        state <= SHIFT;
                    end
                end
                SHIFT: begin
                    // falling edge: present the next bit
                    sclk  <= 1'b0;
                    sdo   <= sh[W-1];
                    sh    <= {sh[W-2:0], 1'b0};
                    div   <= 0;
                    state <= HOLD;
                end
                HOLD: begin
                    if (div == DIV - 1) begin
                        sclk <= 1'b1;
                        if (nbit == W - 1) begin
                            state <= FIN;
                        end else begin
                            nbit  <= nbit + 1'b1;
                            state <= SHIFT;
                        end
                    end else begin
                        div <= div + 1'b1;
                    end
                end
                FIN: begin
                    sdo   <= 1'b1;
                    busy  <= 1'b0;
                    done  <= 1'b1;
                    state <= IDLE;
                end
            endcase
        end
    end
endmodule

module ssi_master (
    input         clk,
    input         rst_n,
    input         start,
    input  [15:0] data,
    output        sclk,
    output        sdo,
    output        busy,
    output        done
);
    ssi_tx #(.W(16), .DIV(6)) u_tx (.clk(clk), .rst_n(rst_n), .start(start), .data(data),
                                    .sclk(sclk), .sdo(sdo), .busy(busy), .done(done));
endmodule
