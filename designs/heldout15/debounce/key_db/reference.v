// Front-panel key debouncer: a key's output follows its synchronised input
// only after the input has been stable for STABLE consecutive clocks.
// Each counter stays below STABLE: $clog2(STABLE) bits.
module key_debounce #(
    parameter N      = 2,
    parameter STABLE = 1000,
    parameter CW     = 16
) (
    input              clk,
    input              rst,
    input      [N-1:0] keys,
    output reg [N-1:0] pressed,
    output reg [N-1:0] press_evt
);
    reg [N-1:0]  s0, s1;
    localparam SW = (STABLE <= 2) ? 1 : $clog2(STABLE);
    reg [SW-1:0] cnt [0:N-1];

    integer k;
    always @(posedge clk) begin
        if (rst) begin
            s0        <= {N{1'b0}};
            s1        <= {N{1'b0}};
            pressed   <= {N{1'b0}};
            press_evt <= {N{1'b0}};
            for (k = 0; k < N; k = k + 1)
                cnt[k] <= {SW{1'b0}};
        end else begin
            s0        <= keys;
            s1        <= s0;
            press_evt <= {N{1'b0}};
            for (k = 0; k < N; k = k + 1) begin
                if (s1[k] == pressed[k])
                    cnt[k] <= {SW{1'b0}};
                else if (cnt[k] == STABLE - 1) begin
                    cnt[k]       <= {SW{1'b0}};
                    pressed[k]   <= s1[k];
                    press_evt[k] <= s1[k];
                end else
                    cnt[k] <= cnt[k] + 1'b1;
            end
        end
    end
endmodule

module panel_keys (
    input        clk,
    input        rst,
    input  [3:0] keys,
    output [3:0] pressed,
    output [3:0] press_evt
);
    key_debounce #(.N(4), .STABLE(12)) u_db (
        .clk(clk), .rst(rst), .keys(keys), .pressed(pressed), .press_evt(press_evt)
    );
endmodule
