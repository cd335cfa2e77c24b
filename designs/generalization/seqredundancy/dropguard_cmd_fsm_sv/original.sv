// Command capture FSM (SystemVerilog): IDLE waits for a nonzero command, BUSY
// runs it until done and clears the opcode on the way back. The opcode is
// zero whenever the machine is IDLE, so loading a zero command there changes
// nothing: the opcode's 'if (cmd != 0)' guard is redundant (the state's is not).
module cmd_capture (
    input  logic       clk,
    input  logic       rst,
    input  logic [15:0] cmd,
    input  logic       done,
    output logic [15:0] opc,
    output logic       busy
);
    typedef enum logic {IDLE, BUSY} st_t;
    st_t state;

    always_ff @(posedge clk or posedge rst) begin
        if (rst) begin
            state <= IDLE;
            opc   <= '0;
        end else begin
            unique case (state)
                IDLE: begin
                    if (cmd != '0) opc <= cmd;
                    if (cmd != '0) state <= BUSY;
                end
                BUSY: if (done) begin
                    state <= IDLE;
                    opc   <= '0;
                end
            endcase
        end
    end

    assign busy = (state == BUSY);
endmodule
