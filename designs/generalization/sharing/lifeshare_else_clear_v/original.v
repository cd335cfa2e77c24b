// Gas sensor sequencer: heater warm-up, one sample, then a cool-down before the
// next start. Each wait has its own counter, counting in its own state and
// cleared by an else of its own everywhere else.
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
    reg [4:0] warm_cnt;
    reg [3:0] cool_cnt;

    always @(posedge clk) begin
        if (rst) begin
            st       <= IDLE;
            warm_cnt <= 5'd0;
            cool_cnt <= 4'd0;
        end else begin
            if (st == WARM) warm_cnt <= warm_cnt + 5'd1;
            else            warm_cnt <= 5'd0;
            if (st == COOL) cool_cnt <= cool_cnt + 4'd1;
            else            cool_cnt <= 4'd0;
            case (st)
                IDLE: if (start) st <= WARM;
                WARM: if (warm_cnt == 5'd23) st <= MEAS;
                MEAS: st <= COOL;
                COOL: if (cool_cnt == 4'd11) st <= IDLE;
            endcase
        end
    end

    assign heater = (st == WARM);
    assign sample = (st == MEAS);
    assign busy   = (st != IDLE);
endmodule
