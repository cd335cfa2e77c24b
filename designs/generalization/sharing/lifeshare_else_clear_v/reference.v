// Gas sensor sequencer: heater warm-up, one sample, then a cool-down before the
// next start. The two waits never overlap: one counter, cleared outside them.
module gas_seq (
    input        clk,
    input        rst,
    input        start,
    output       heater,
    output       sample,
    output       busy
);
    localparam IDLE = 2'd0, WARM = 2'd1, MEAS = 2'd2, COOL = 2'd3;

    reg [1:0] st;
    reg [4:0] cnt;

    always @(posedge clk) begin
        if (rst) begin
            st  <= IDLE;
            cnt <= 5'd0;
        end else begin
            if (st == WARM || st == COOL) cnt <= cnt + 5'd1;
            else                          cnt <= 5'd0;
            case (st)
                IDLE: if (start) st <= WARM;
                WARM: if (cnt == 5'd23) st <= MEAS;
                MEAS: st <= COOL;
                COOL: if (cnt[3:0] == 4'd11) st <= IDLE;
            endcase
        end
    end

    assign heater = (st == WARM);
    assign sample = (st == MEAS);
    assign busy   = (st != IDLE);
endmodule
