// Reference: the latched target, rate and hold registers are loaded with the
// table entries of seg whenever seg is loaded (and at reset), so they always
// equal tgt_of(seg), rate_of(seg), hold_of(seg): 24 flops become table look-ups.
module kiln_prog (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        run,
    input  logic        min_tick,
    output logic [11:0] setpoint,
    output logic [2:0]  seg,
    output logic        done
);
    logic [11:0] tgt;
    logic [3:0]  rate;
    logic [7:0]  hold;
    logic [7:0]  soak;

    always_comb begin
        case (seg)
            3'd0: begin tgt = 12'd120;  rate = 4'd1; hold = 8'd60; end
            3'd1: begin tgt = 12'd600;  rate = 4'd2; hold = 8'd0;  end
            3'd2: begin tgt = 12'd950;  rate = 4'd3; hold = 8'd10; end
            3'd3: begin tgt = 12'd1000; rate = 4'd1; hold = 8'd15; end
            3'd4: begin tgt = 12'd1060; rate = 4'd2; hold = 8'd5;  end
            3'd5: begin tgt = 12'd1080; rate = 4'd1; hold = 8'd20; end
            3'd6: begin tgt = 12'd800;  rate = 4'd4; hold = 8'd30; end
            default: begin tgt = 12'd400; rate = 4'd5; hold = 8'd0; end
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            seg      <= '0;
            setpoint <= 12'd25;
            soak     <= '0;
            done     <= 1'b0;
        end else if (run && !done && min_tick) begin
            if (setpoint < tgt) begin
                setpoint <= (setpoint + rate > tgt) ? tgt : setpoint + rate;
            end else if (soak != hold) begin
                soak <= soak + 1'b1;
            end else if (seg == 3'd5) begin
                done <= 1'b1;
            end else begin
                seg  <= seg + 1'b1;
                soak <= '0;
            end
        end
    end
endmodule
