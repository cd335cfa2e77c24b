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
    typedef enum logic [2:0] {
        IDLE   = 3'd0,
        A_UP   = 3'd1,   // saw 'A'
        A_LO   = 3'd2,   // saw 'a'
        T_UP   = 3'd3,   // saw 'A'/'a' then 'T'
        T_LO   = 3'd4,   // saw 'A'/'a' then 't'
        BODY   = 3'd5    // command body until CR
    } state_t;

    state_t st, nx;
    wire is_a  = (rx_byte == "A") || (rx_byte == "a");
    wire is_cr = (rx_byte == 8'h0D);

    always_comb begin
        nx = st;
        if (rx_valid) begin
            unique case (st)
                IDLE:  if (rx_byte == "A") nx = A_UP; else if (rx_byte == "a") nx = A_LO;
                A_UP:  if (rx_byte == "T") nx = T_UP; else if (rx_byte == "t") nx = T_LO;
                       else if (rx_byte == "A") nx = A_UP; else if (rx_byte == "a") nx = A_LO; else nx = IDLE;
                A_LO:  if (rx_byte == "T") nx = T_UP; else if (rx_byte == "t") nx = T_LO;
                       else if (rx_byte == "A") nx = A_UP; else if (rx_byte == "a") nx = A_LO; else nx = IDLE;
                T_UP:  if (is_cr) nx = IDLE; else nx = BODY;
                T_LO:  if (is_cr) nx = IDLE; else nx = BODY;
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
            cmd_done <= rx_valid && is_cr && (st == T_UP || st == T_LO || st == BODY);
            if (nx == T_UP || nx == T_LO)
                cmd_len <= 6'd2;
            else if (rx_valid && st == BODY && !is_cr && cmd_len != 6'(MAXLEN))
                cmd_len <= cmd_len + 6'd1;
        end
    end

    assign in_cmd = (st == T_UP) || (st == T_LO) || (st == BODY);
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
