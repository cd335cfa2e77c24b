// Packet batch controller: a framer marks the end of each packet; the batch
// controller opens a batch, counts packets and raises an interrupt per batch.
module framer #(
    parameter int LW = 4
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          byte_v,
    input  logic [LW-1:0] len,
    output logic          eop
);
    logic [LW-1:0] cnt;
    logic          ifg;     // inter-frame gap cycle after every packet
    always_ff @(posedge clk) begin
        if (rst) begin
            cnt <= '0;
            eop <= 1'b0;
            ifg <= 1'b0;
        end else begin
            eop <= 1'b0;
            ifg <= 1'b0;
            if (byte_v && !ifg) begin
                if (cnt >= len) begin
                    cnt <= '0;
                    eop <= 1'b1;
                    ifg <= 1'b1;
                end else begin
                    cnt <= cnt + 1'b1;
                end
            end
        end
    end
endmodule

module batch_fsm #(
    parameter int NB = 4
) (
    input  logic clk,
    input  logic rst,
    input  logic open,
    input  logic eop,
    output logic irq,
    output logic active
);
    typedef enum logic [1:0] {IDLE, COUNT, FLUSH} st_t;
    st_t st;
    logic [$clog2(NB+1)-1:0] n;
    always_ff @(posedge clk) begin
        if (rst) begin
            st    <= IDLE;
            n     <= '0;
            irq   <= 1'b0;
        end else begin
            irq   <= 1'b0;
            unique case (st)
                IDLE:  if (open) begin st <= COUNT; n <= '0; end
                COUNT: if (eop) begin   // the framer's strobe is never high two cycles in a row
                           if (n == NB - 1) st <= FLUSH;
                           n <= n + 1'b1;
                       end
                FLUSH: begin irq <= 1'b1; st <= IDLE; end
                default: st <= IDLE;
            endcase
        end
    end
    assign active = (st != IDLE);
endmodule

module pkt_counter (
    input  logic       clk,
    input  logic       rst,
    input  logic       byte_v,
    input  logic [5:0] len,
    input  logic       open,
    output logic       irq,
    output logic       active,
    output logic       eop
);
    framer    #(.LW(6)) u_fr (.*);
    batch_fsm #(.NB(5)) u_b  (.*);
endmodule
