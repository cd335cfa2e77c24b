// Kiln vent controller: one always block holds the phase, the vent output and an
// integer timer restarted on every phase entry; each phase has its own limit
// (parameters from the top), so the timer never reaches 2^6.
module vent_seq #(
    parameter OPEN_T  = 500,
    parameter PURGE_T = 200,
    parameter SHUT_T  = 50
) (
    input  wire clk,
    input  wire rst,
    input  wire hot,
    output reg  vent,
    output wire busy
);
    reg [1:0] ph;
    integer   t;

    always @(posedge clk) begin
        if (rst) begin
            ph   <= 2'd0;
            vent <= 1'b0;
            t    <= 0;
        end else begin
            case (ph)
                2'd0: if (hot) begin ph <= 2'd1; vent <= 1'b1; t <= 0; end
                2'd1: if (t == OPEN_T - 1) begin ph <= 2'd2; t <= 0; end
                      else t <= t + 1;
                2'd2: if (t == PURGE_T - 1) begin ph <= 2'd3; vent <= 1'b0; t <= 0; end
                      else t <= t + 1;
                default: if (t == SHUT_T - 1) ph <= 2'd0;
                      else t <= t + 1;
            endcase
        end
    end

    assign busy = (ph != 2'd0);
endmodule

module kiln_vent (
    input  wire clk,
    input  wire rst,
    input  wire hot,
    output wire vent,
    output wire busy
);
    vent_seq #(.OPEN_T(45), .PURGE_T(12), .SHUT_T(5)) u_seq (
        .clk(clk), .rst(rst), .hot(hot), .vent(vent), .busy(busy));
endmodule
