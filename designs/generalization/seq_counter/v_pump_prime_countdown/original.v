// Pump priming sequencer: on 'go' the purge, fill, hold and drain phases follow each other with fixed
// durations; a down-counting phase timer is loaded with the next duration on every transition and an
// 'abort' input returns to idle from any phase. Valve and motor outputs are registered in the arms.
module pump_prime (
    input  wire clk,
    input  wire rst,
    input  wire go,
    input  wire abort,
    output reg  valve,
    output reg  motor,
    output wire active
);
    reg [1:0] ph;
    reg       run;
    reg [4:0] left;
    assign active = run;
    always @(posedge clk) begin
        if (rst || abort) begin
            run <= 1'b0; ph <= 2'd0; left <= 5'd0; valve <= 1'b0; motor <= 1'b0;
        end else if (!run) begin
            if (go) begin
                run <= 1'b1; ph <= 2'd0; left <= 5'd6; valve <= 1'b1;
            end
        end else if (left != 5'd0) begin
            left <= left - 5'd1;
        end else begin
            case (ph)
                2'd0: begin ph <= 2'd1; left <= 5'd10; motor <= 1'b1; end
                2'd1: begin ph <= 2'd2; left <= 5'd3;  valve <= 1'b0; end
                2'd2: begin ph <= 2'd3; left <= 5'd17; motor <= 1'b0; valve <= 1'b1; end
                default: begin run <= 1'b0; ph <= 2'd0; valve <= 1'b0; end
            endcase
        end
    end
endmodule
