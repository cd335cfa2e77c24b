// Hayes command detector of a serial modem: recognises "AT" / "at" (either
// case per letter) at the start of a line and flags the end of the command
// line at CR; counts the command bytes (saturating) for the parser.
module at_detect #(
    parameter int MAXLEN = 40
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       rx_valid,
    input  logic [7:0] rx_byte,
    output logic       in_cmd,
    output logic       cmd_done,
    output logic [5:0] cmd_len
);
    // the upper/lower-case states are equivalent; after "AT" the body state
    // behaves the same except for the length load, which is done on entry
    typedef enum logic [1:0] {
        IDLE   = 2'd0,
        GOT_A  = 2'd1,   // saw 'A' or 'a'
        GOT_T  = 2'd2,   // saw "AT" (any case)
        BODY   = 2'd3    // command body until CR
    } state_t;

    state_t st, nx;
    wire is_a  = (rx_byte == "A") || (rx_byte == "a");
    wire is_cr = (rx_byte == 8'h0D);

    always_comb begin
        nx = st;
        if (rx_valid) begin
            unique case (st)
                IDLE:  if (is_a) nx = GOT_A;
                GOT_A: if (rx_byte == "T" || rx_byte == "t") nx = GOT_T; else if (!is_a) nx = IDLE;
                GOT_T: if (is_cr) nx = IDLE; else nx = BODY;
                BODY:  if (is_cr) nx = IDLE;
                default: nx = IDLE;
            endcase
        end
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            st       <= IDLE;
            cmd_done <= 1'b0;
            cmd_len  <= '0;
        end else begin
            st       <= nx;
            cmd_done <= rx_valid && is_cr && (st == GOT_T || st == BODY);
            if (nx == GOT_T)
                cmd_len <= 6'd2;
            else if (rx_valid && st == BODY && !is_cr && cmd_len != 6'(MAXLEN))
                cmd_len <= cmd_len + 6'd1;
        end
    end

    assign in_cmd = (st == GOT_T) || (st == BODY);
endmodule

module modem_cmd (
    input  logic       clk,
    input  logic       rst,
    input  logic       rx_valid,
    input  logic [7:0] rx_byte,
    output logic       in_cmd,
    output logic       cmd_done,
    output logic [5:0] cmd_len
);
    at_detect #(.MAXLEN(32)) u_at (.*);
endmodule
