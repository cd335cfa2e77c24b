// Keypad door lock: one error state (the wrong-digit position is never
// observed) and an open timer sized from OPEN_T.
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
    localparam int         OW  = $clog2(OPEN_T);

    typedef enum logic [2:0] {
        IDLE, GOT1, GOT2, GOT3, OPEN, BAD
    } state_t;

    state_t        state, nxt;
    logic [OW-1:0] timer;

    always_ff @(posedge clk) begin
        if (rst) state <= IDLE;
        else     state <= nxt;
    end

    always_comb begin
        nxt = state;
        unique case (state)
            IDLE: if (key_valid && key != CLR)  begin
                      if (key == CODE[15:12]) nxt = GOT1;
                      else                nxt = BAD;
                  end
            GOT1: if (key_valid)  begin
                      if (key == CLR)     nxt = IDLE;
                      else if (key == CODE[11:8]) nxt = GOT2;
                      else                nxt = BAD;
                  end
            GOT2: if (key_valid)  begin
                      if (key == CLR)     nxt = IDLE;
                      else if (key == CODE[7:4]) nxt = GOT3;
                      else                nxt = BAD;
                  end
            GOT3: if (key_valid)  begin
                      if (key == CLR)     nxt = IDLE;
                      else if (key == CODE[3:0]) nxt = OPEN;
                      else                nxt = BAD;
                  end
            OPEN: if (timer == OW'(OPEN_T - 1)) nxt = IDLE;
            BAD:  if (key_valid && key == CLR) nxt = IDLE;
            default: nxt = IDLE;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst)                timer <= '0;
        else if (state == OPEN) timer <= timer + 1'b1;
        else                    timer <= '0;
    end

    assign unlock  = (state == OPEN);
    assign err_led = (state == BAD);
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
