// Pottery-kiln ramp/soak programmer: NSEG segments, each ramps the setpoint
// toward its target at its rate (degrees per minute) and then soaks for its
// hold time. The segment parameters are latched into registers when a segment
// starts, as the datasheet of the old controller did.
module ramp_soak #(
    parameter int NSEG = 8
) (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        run,
    input  logic        min_tick,
    output logic [11:0] setpoint,
    output logic [2:0]  seg,
    output logic        done
);
    // firing schedule (bisque): target degC, rate degC/min, soak minutes
    function automatic logic [11:0] tgt_of(input logic [2:0] s);
        case (s)
            3'd0: tgt_of = 12'd120;  3'd1: tgt_of = 12'd600;
            3'd2: tgt_of = 12'd950;  3'd3: tgt_of = 12'd1000;
            3'd4: tgt_of = 12'd1060; 3'd5: tgt_of = 12'd1080;
            3'd6: tgt_of = 12'd800;  default: tgt_of = 12'd400;
        endcase
    endfunction
    function automatic logic [3:0] rate_of(input logic [2:0] s);
        case (s)
            3'd0: rate_of = 4'd1;  3'd1: rate_of = 4'd2;  3'd2: rate_of = 4'd3;
            3'd3: rate_of = 4'd1;  3'd4: rate_of = 4'd2;  3'd5: rate_of = 4'd1;
            3'd6: rate_of = 4'd4;  default: rate_of = 4'd5;
        endcase
    endfunction
    function automatic logic [7:0] hold_of(input logic [2:0] s);
        case (s)
            3'd0: hold_of = 8'd60;  3'd1: hold_of = 8'd0;   3'd2: hold_of = 8'd10;
            3'd3: hold_of = 8'd15;  3'd4: hold_of = 8'd5;   3'd5: hold_of = 8'd20;
            3'd6: hold_of = 8'd30;  default: hold_of = 8'd0;
        endcase
    endfunction

    logic [11:0] tgt_q;
    logic [3:0]  rate_q;
    logic [7:0]  hold_q;
    logic [7:0]  soak;
    logic        at_tgt;

    assign at_tgt = (setpoint >= tgt_q);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            seg      <= '0;
            setpoint <= 12'd25;
            soak     <= '0;
            done     <= 1'b0;
            tgt_q    <= tgt_of(3'd0);
            rate_q   <= rate_of(3'd0);
            hold_q   <= hold_of(3'd0);
        end else if (run && !done && min_tick) begin
            if (!at_tgt) begin
                setpoint <= (setpoint + rate_q > tgt_q) ? tgt_q : setpoint + rate_q;
            end else if (soak != hold_q) begin
                soak <= soak + 1'b1;
            end else if (seg == 3'(NSEG - 1)) begin
                done <= 1'b1;
            end else begin
                seg    <= seg + 1'b1;
                soak   <= '0;
                tgt_q  <= tgt_of(seg + 1'b1);
                rate_q <= rate_of(seg + 1'b1);
                hold_q <= hold_of(seg + 1'b1);
            end
        end
    end
endmodule

module kiln_prog (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        run,
    input  logic        min_tick,
    output logic [11:0] setpoint,
    output logic [2:0]  seg,
    output logic        done
);
    ramp_soak #(.NSEG(6)) u_rs (.*);
endmodule
