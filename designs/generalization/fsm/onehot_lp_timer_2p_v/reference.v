// Barrier gate opener, hand-optimized: 3-bit binary states, 6-bit phase
// counter (never above 39).
module gate_opener (
    input  wire clk,
    input  wire rst,
    input  wire req,
    input  wire obstacle,
    output wire motor_up,
    output wire motor_dn,
    output wire lamp
);
    localparam [2:0] CLOSED = 3'd0, WARN = 3'd1, RAISE = 3'd2, OPENED = 3'd3, LOWER = 3'd4, HOLD = 3'd5;

    reg [2:0] st, st_n;
    reg [5:0] cnt, cnt_n;

    always @(posedge clk) begin
        if (rst) begin
            st  <= CLOSED;
            cnt <= 6'd0;
        end else begin
            st  <= st_n;
            cnt <= cnt_n;
        end
    end

    always @* begin
        st_n  = st;
        cnt_n = cnt + 6'd1;
        case (st)
            CLOSED: begin cnt_n = cnt; if (req) begin st_n = WARN; cnt_n = 6'd0; end end
            WARN:   if (cnt == 6'd9) begin st_n = RAISE; cnt_n = 6'd0; end
            RAISE:  if (cnt == 6'd19) begin st_n = OPENED; cnt_n = 6'd0; end
            OPENED: if (cnt == 6'd39) begin
                        cnt_n = cnt;
                        if (!req) begin st_n = LOWER; cnt_n = 6'd0; end
                    end
            LOWER:  if (obstacle) begin st_n = HOLD; cnt_n = 6'd0; end
                    else if (cnt == 6'd19) begin st_n = CLOSED; cnt_n = 6'd0; end
            HOLD:   if (cnt == 6'd4) begin st_n = RAISE; cnt_n = 6'd0; end
            default: begin st_n = CLOSED; cnt_n = 6'd0; end
        endcase
    end

    assign motor_up = (st == RAISE);
    assign motor_dn = (st == LOWER);
    assign lamp     = (st != CLOSED);
endmodule
