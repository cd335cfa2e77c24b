// Barrier gate opener: two-process FSM, one-hot state codes as localparams,
// a 12-bit phase counter computed in the combinational arms (never above 39).
module gate_opener (
    input  wire clk,
    input  wire rst,
    input  wire req,
    input  wire obstacle,
    output wire motor_up,
    output wire motor_dn,
    output wire lamp
);
    localparam [5:0] CLOSED = 6'b000001,
                     WARN   = 6'b000010,
                     RAISE  = 6'b000100,
                     OPENED = 6'b001000,
                     LOWER  = 6'b010000,
                     HOLD   = 6'b100000;

    reg [5:0]  st, st_n;
    reg [11:0] cnt, cnt_n;

    always @(posedge clk) begin
        if (rst) begin
            st  <= CLOSED;
            cnt <= 12'd0;
        end else begin
            st  <= st_n;
            cnt <= cnt_n;
        end
    end

    always @* begin
        st_n  = st;
        cnt_n = cnt;
        case (st)
            CLOSED: if (req) begin st_n = WARN; cnt_n = 12'd0; end
            WARN: begin
                if (cnt == 12'd9) begin st_n = RAISE; cnt_n = 12'd0; end
                else cnt_n = cnt + 12'd1;
            end
            RAISE: begin
                if (cnt == 12'd19) begin st_n = OPENED; cnt_n = 12'd0; end
                else cnt_n = cnt + 12'd1;
            end
            OPENED: begin
                if (cnt == 12'd39) begin
                    if (!req) begin st_n = LOWER; cnt_n = 12'd0; end
                end else cnt_n = cnt + 12'd1;
            end
            LOWER: begin
                if (obstacle) begin st_n = HOLD; cnt_n = 12'd0; end
                else if (cnt == 12'd19) begin st_n = CLOSED; cnt_n = 12'd0; end
                else cnt_n = cnt + 12'd1;
            end
            HOLD: begin
                if (cnt == 12'd4) begin st_n = RAISE; cnt_n = 12'd0; end
                else cnt_n = cnt + 12'd1;
            end
            default: begin st_n = CLOSED; cnt_n = 12'd0; end
        endcase
    end

    assign motor_up = st[2];
    assign motor_dn = st[4];
    assign lamp     = ~st[0];
endmodule
