// Keypad door lock: four-digit code, '*' (4'hE) clears, door held open for
// OPEN_T cycles.  The machine remembers at which digit the entry went wrong.
module code_lock #(
    parameter logic [15:0] CODE   = 16'h1234,
    parameter int          OPEN_T = 1000,
    parameter int          TW     = 16
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       key_valid,
    input  logic [3:0] key,
    output logic       unlock,
    output logic       err_led
);
    localparam logic [3:0] CLR = 4'hE;

    typedef enum logic [3:0] {
        IDLE, GOT1, GOT2, GOT3, OPEN, BAD1, BAD2, BAD3, BAD4
    } state_t;

    state_t        state, nxt;
    logic [TW-1:0] timer;

    always_ff @(posedge clk) begin
        if (rst) state <= IDLE;
        else     state <= nxt;
    end

    always_comb begin
        nxt = state;
        unique case (state)
            IDLE: if (key_valid && key != CLR)  begin
                      if (key == CODE[15:12]) nxt = GOT1;
                      else                nxt = BAD1;
                  end
            GOT1: if (key_valid)  begin
                      if (key == CLR)     nxt = IDLE;
                      else if (key == CODE[11:8]) nxt = GOT2;
                      else                nxt = BAD2;
                  end
            GOT2: if (key_valid)  begin
                      if (key == CLR)     nxt = IDLE;
                      else if (key == CODE[7:4]) nxt = GOT3;
                      else                nxt = BAD3;
                  end
            GOT3: if (key_valid)  begin
                      if (key == CLR)     nxt = IDLE;
                      else if (key == CODE[3:0]) nxt = OPEN;
                      else                nxt = BAD4;
                  end
            OPEN: if (timer == TW'(OPEN_T - 1)) nxt = IDLE;
            BAD1: if (key_valid && key == CLR) nxt = IDLE;
            BAD2: if (key_valid && key == CLR) nxt = IDLE;
            BAD3: if (key_valid && key == CLR) nxt = IDLE;
            BAD4: if (key_valid && key == CLR) nxt = IDLE;
            default: nxt = IDLE;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst)                timer <= '0;
        else if (state == OPEN) timer <= timer + 1'b1;
        else                    timer <= '0;
    end

    assign unlock  = (state == OPEN);
    assign err_led = (state == BAD1) || (state == BAD2) || (state == BAD3) || (state == BAD4);
endmodule

module door_ctrl (
    input  logic       clk,
    input  logic       rst,
    input  logic       key_valid,
    input  logic [3:0] key,
    output logic       strike,
    output logic       red_led
);
    code_lock #(.CODE(16'h7305), .OPEN_T(20)) u_lock (
        .clk, .rst, .key_valid, .key, .unlock(strike), .err_led(red_led)
    );
endmodule
