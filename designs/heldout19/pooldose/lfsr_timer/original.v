// Pool chlorine dosing sequencer: prime the line, dose, mix, then a lockout.
module dose_fsm #(
    parameter T_PRIME = 10,
    parameter T_DOSE  = 10,
    parameter T_MIX   = 20,
    parameter T_LOCK  = 40
) (
    input      clk,
    input      rst_n,
    input      req,
    input      flow_ok,
    output reg pump,
    output reg valve,
    output reg mixer,
    output reg ready,
    output reg fault
);
    localparam S_IDLE = 3'd0, S_PRIME = 3'd1, S_DOSE = 3'd2, S_MIX = 3'd3, S_LOCK = 3'd4, S_FAULT = 3'd5;
    reg [2:0] state, nstate;
    reg [6:0] t;
    reg       tclr;

    always @* begin
        nstate = state;
        tclr   = 1'b0;
        pump   = 1'b0;
        valve  = 1'b0;
        mixer  = 1'b0;
        ready  = 1'b0;
        fault  = 1'b0;
        case (state)
            S_IDLE: begin
                ready = 1'b1;
                if (req) begin nstate = S_PRIME; tclr = 1'b1; end
            end
            S_PRIME: begin
                pump = 1'b1;
                if (t == T_PRIME - 1) begin
                    tclr = 1'b1;
                    nstate = flow_ok ? S_DOSE : S_FAULT;
                end
            end
            S_DOSE: begin
                pump  = 1'b1;
                valve = 1'b1;
                if (!flow_ok) begin nstate = S_FAULT; tclr = 1'b1; end
                else if (t == T_DOSE - 1) begin nstate = S_MIX; tclr = 1'b1; end
            end
            S_MIX: begin
                mixer = 1'b1;
                if (t == T_MIX - 1) begin nstate = S_LOCK; tclr = 1'b1; end
            end
            S_LOCK: begin
                if (t == T_LOCK - 1) begin nstate = S_IDLE; tclr = 1'b1; end
            end
            S_FAULT: begin
                fault = 1'b1;
                if (!req) begin nstate = S_IDLE; tclr = 1'b1; end
            end
            default: nstate = S_IDLE;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= S_IDLE;
            t     <= 7'd0;
        end else begin
            state <= nstate;
            t     <= tclr ? 7'd0 : t + 7'd1;
        end
    end
endmodule

module pool_doser (
    input  clk,
    input  rst_n,
    input  req,
    input  flow_ok,
    output pump,
    output valve,
    output mixer,
    output ready,
    output fault
);
    dose_fsm #(.T_PRIME(20), .T_DOSE(35), .T_MIX(50), .T_LOCK(90)) u_fsm (
        .clk(clk), .rst_n(rst_n), .req(req), .flow_ok(flow_ok),
        .pump(pump), .valve(valve), .mixer(mixer), .ready(ready), .fault(fault));
endmodule
