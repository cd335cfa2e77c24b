// Tea brewer sequencer: one-process FSM with an explicit 5-bit one-hot enum and
// a 16-bit step timer advanced in the arms; the timer never passes 24.
module brew_seq (
    input  logic clk,
    input  logic rst_n,
    input  logic start,
    input  logic hot,
    output logic heater,
    output logic pump,
    output logic ready
);
    typedef enum logic [4:0] {
        IDLE  = 5'b00001,
        FILL  = 5'b00010,
        HEAT  = 5'b00100,
        STEEP = 5'b01000,
        DRAIN = 5'b10000
    } st_t;

    st_t         st;
    logic [15:0] tmr;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st  <= IDLE;
            tmr <= 16'd0;
        end else begin
            case (st)
                IDLE:  if (start) st <= FILL;
                FILL: begin
                    if (tmr >= 16'd11) begin
                        st  <= HEAT;
                        tmr <= 16'd0;
                    end else tmr <= tmr + 16'd1;
                end
                HEAT:  if (hot) st <= STEEP;
                STEEP: begin
                    if (tmr == 16'd24) begin
                        st  <= DRAIN;
                        tmr <= 16'd0;
                    end else tmr <= tmr + 16'd1;
                end
                DRAIN: begin
                    if (tmr == 16'd7) begin
                        st  <= IDLE;
                        tmr <= 16'd0;
                    end else tmr <= tmr + 16'd1;
                end
                default: begin
                    st  <= IDLE;
                    tmr <= 16'd0;
                end
            endcase
        end
    end

    assign heater = (st == HEAT) || (st == STEEP);
    assign pump   = (st == FILL) || (st == DRAIN);
    assign ready  = (st == IDLE);
endmodule
