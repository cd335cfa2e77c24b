// Command capture FSM (SystemVerilog): the opcode loads the command whenever
// the machine is IDLE (a zero command loads the zero it already holds).
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
                    opc <= cmd;
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
