// Frame synchronizer: lock after the preamble 1011 has been seen twice (overlapping allowed
// inside a search, the second search starts fresh). 'locked' stays until 'resync'.
module frame_sync (
    input  wire clk,
    input  wire rst,
    input  wire din,
    input  wire resync,
    output reg  hit,
    output reg  locked
);
    // first search: A0..A3, second search: B0..B3 (same detector copied)
    localparam [3:0] A0 = 4'd0, A1 = 4'd1, A2 = 4'd2, A3 = 4'd3,
                     B0 = 4'd4, B1 = 4'd5, B2 = 4'd6, B3 = 4'd7,
                     LK = 4'd8;
    reg [3:0] st;
    always @(posedge clk) begin
        if (rst || resync) begin
            st     <= A0;
            hit    <= 1'b0;
            locked <= 1'b0;
        end else begin
            hit <= 1'b0;
            case (st)
                A0: st <= din ? A1 : A0;
                A1: st <= din ? A1 : A2;
                A2: st <= din ? A3 : A0;
                A3: if (din) begin st <= B0; hit <= 1'b1; end else st <= A2;
                B0: st <= din ? B1 : B0;
                B1: st <= din ? B1 : B2;
                B2: st <= din ? B3 : B0;
                B3: if (din) begin st <= LK; hit <= 1'b1; locked <= 1'b1; end else st <= B2;
                LK: st <= LK;
                default: st <= A0;
            endcase
        end
    end
endmodule
