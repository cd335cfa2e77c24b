// Car-wash bay sequencer. Two-process FSM; the 4-bit nozzle code sent to the
// valve driver is registered from a case on the next state, so it always
// matches the state register one cycle later.
module wash_bay (
    input  wire       clk,
    input  wire       rst,
    input  wire       car_in,
    input  wire       soap_done,
    input  wire       rinse_done,
    input  wire       dry_done,
    input  wire       car_out,
    output reg  [3:0] nozzle,
    output wire       busy
);
    localparam S_WAIT  = 3'd0;
    localparam S_SOAP  = 3'd1;
    localparam S_RINSE = 3'd2;
    localparam S_WAX   = 3'd3;
    localparam S_DRY   = 3'd4;
    localparam S_EXIT  = 3'd5;

    reg [2:0] state, next;

    always @(*) begin
        next = state;
        case (state)
            S_WAIT:  if (car_in) next = S_SOAP;
            S_SOAP:  if (soap_done) next = S_RINSE;
            S_RINSE: if (rinse_done) next = S_WAX;
            S_WAX:   next = S_DRY;
            S_DRY:   if (dry_done) next = S_EXIT;
            S_EXIT:  if (car_out) next = S_WAIT;
            default: next = S_WAIT;
        endcase
    end

    always @(posedge clk) begin
        if (rst) begin
            state  <= S_WAIT;
            nozzle <= 4'h0;
        end else begin
            state <= next;
            case (next)
                S_SOAP:  nozzle <= 4'h9;
                S_RINSE: nozzle <= 4'h3;
                S_WAX:   nozzle <= 4'hC;
                S_DRY:   nozzle <= 4'h3;
                default: nozzle <= 4'h0;
            endcase
        end
    end

    assign busy = (state != S_WAIT);
endmodule
