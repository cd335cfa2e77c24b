// Tea brewer sequencer, hand-optimized: 3-bit binary states, 5-bit step timer
// (it never passes 24).
module brew_seq (
    input  logic clk,
    input  logic rst_n,
    input  logic start,
    input  logic hot,
    output logic heater,
    output logic pump,
    output logic ready
);
    typedef enum logic [2:0] {IDLE, FILL, HEAT, STEEP, DRAIN} st_t;

    st_t        st;
    logic [4:0] tmr;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st  <= IDLE;
            tmr <= 5'd0;
        end else begin
            case (st)
                IDLE:  if (start) st <= FILL;
                FILL:  if (tmr == 5'd11) begin st <= HEAT; tmr <= 5'd0; end else tmr <= tmr + 5'd1;
                HEAT:  if (hot) st <= STEEP;
                STEEP: if (tmr == 5'd24) begin st <= DRAIN; tmr <= 5'd0; end else tmr <= tmr + 5'd1;
                DRAIN: if (tmr == 5'd7) begin st <= IDLE; tmr <= 5'd0; end else tmr <= tmr + 5'd1;
                default: begin st <= IDLE; tmr <= 5'd0; end
            endcase
        end
    end

    assign heater = (st == HEAT) || (st == STEEP);
    assign pump   = (st == FILL) || (st == DRAIN);
    assign ready  = (st == IDLE);
endmodule
