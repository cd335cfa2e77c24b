// SPI master (mode 0): one shift register serves both directions; the bit
// sampled on the rising edge enters at the bottom on the falling edge.
module spi_tick #(
    parameter int DIV = 4
) (
    input  logic clk,
    input  logic rst,
    input  logic run,
    output logic tick
);
    logic [$clog2(DIV)-1:0] c;
    always_ff @(posedge clk)
        if (rst || !run)      c <= '0;
        else if (c == DIV-1)  c <= '0;
        else                  c <= c + 1'b1;
    assign tick = run && (c == DIV-1);
endmodule

module spi_master #(
    parameter int DW  = 8,
    parameter int DIV = 4
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          start,
    input  logic [DW-1:0] wdata,
    input  logic          miso,
    output logic          sclk,
    output logic          mosi,
    output logic          cs_n,
    output logic          busy,
    output logic          done,
    output logic [DW-1:0] rdata
);
    typedef enum logic [1:0] {IDLE, LEAD, TRAIL, FIN} st_t;
    st_t state, nxt;
    logic [DW-1:0] sr;
    logic          rx_bit;
    logic [$clog2(DW)-1:0] bitcnt;
    logic tick;

    spi_tick #(.DIV(DIV)) u_tick (.clk, .rst, .run(state == LEAD || state == TRAIL), .tick);

    // state register
    always_ff @(posedge clk)
        if (rst) state <= IDLE;
        else     state <= nxt;

    // next state
    always_comb begin
        nxt = state;
        case (state)
            IDLE:  if (start) nxt = LEAD;
            LEAD:  if (tick)  nxt = TRAIL;
            TRAIL: if (tick)  nxt = (bitcnt == DW-1) ? FIN : LEAD;
            FIN:              nxt = IDLE;
            default:          nxt = IDLE;
        endcase
    end

    // datapath
    always_ff @(posedge clk)
        if (rst) begin
            sr     <= '0;
            rx_bit <= 1'b0;
            bitcnt <= '0;
            rdata  <= '0;
            done   <= 1'b0;
        end else begin
            done <= 1'b0;
            case (state)
                IDLE: if (start) begin
                    sr     <= wdata;
                    bitcnt <= '0;
                end
                LEAD: if (tick)
                    rx_bit <= miso;
                TRAIL: if (tick) begin
                    sr     <= {sr[DW-2:0], rx_bit};
                    bitcnt <= bitcnt + 1'b1;
                end
                FIN: begin
                    rdata <= sr;
                    done  <= 1'b1;
                end
                default: ;
            endcase
        end

    assign sclk = (state == TRAIL);
    assign mosi = (state == LEAD || state == TRAIL) && sr[DW-1];
    assign cs_n = (state == IDLE);
    assign busy = (state != IDLE);
endmodule

module sensor_spi (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic [5:0] wdata,
    input  logic       miso,
    output logic       sclk,
    output logic       mosi,
    output logic       cs_n,
    output logic       busy,
    output logic       done,
    output logic [5:0] rdata
);
    spi_master #(.DW(6), .DIV(3)) u_spi (.*);
endmodule
