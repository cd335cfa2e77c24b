// One detector (4 states) plus a 'second pass' bit; 'locked' is the lock state itself.
module frame_sync (
    input  wire clk,
    input  wire rst,
    input  wire din,
    input  wire resync,
    output reg  hit,
    output reg  locked
);
    reg [1:0] m;       // partial-match length
    reg       second;
    always @(posedge clk) begin
        if (rst || resync) begin
            m      <= 2'd0;
            second <= 1'b0;
            hit    <= 1'b0;
            locked <= 1'b0;
        end else begin
            hit <= 1'b0;
            if (!locked) begin
                case (m)
                    2'd0: m <= din ? 2'd1 : 2'd0;
                    2'd1: m <= din ? 2'd1 : 2'd2;
                    2'd2: m <= din ? 2'd3 : 2'd0;
                    2'd3: if (din) begin
                              m      <= 2'd0;
                              hit    <= 1'b1;
                              second <= 1'b1;
                              locked <= second;
                          end else m <= 2'd2;
                endcase
            end
        end
    end
endmodule
