// 4-requester round-robin arbiter for a memory port, registered grant.
module rr_arb4 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] req,
    output reg  [3:0] gnt,
    output reg  [1:0] gnt_id,
    output reg        busy
);
    reg  [3:0] last_oh;    // previous winner, one-hot
    reg  [1:0] last_id;    // previous winner, binary (for the status register)
    reg  [3:0] nxt;
    reg  [1:0] nxt_id;
    always @* begin
        nxt = 4'd0; nxt_id = 2'd0;
        case (1'b1)
            last_oh[0]: begin
                if      (req[1]) begin nxt = 4'b0010; nxt_id = 2'd1; end
                else if (req[2]) begin nxt = 4'b0100; nxt_id = 2'd2; end
                else if (req[3]) begin nxt = 4'b1000; nxt_id = 2'd3; end
                else if (req[0]) begin nxt = 4'b0001; nxt_id = 2'd0; end
            end
            last_oh[1]: begin
                if      (req[2]) begin nxt = 4'b0100; nxt_id = 2'd2; end
                else if (req[3]) begin nxt = 4'b1000; nxt_id = 2'd3; end
                else if (req[0]) begin nxt = 4'b0001; nxt_id = 2'd0; end
                else if (req[1]) begin nxt = 4'b0010; nxt_id = 2'd1; end
            end
            last_oh[2]: begin
                if      (req[3]) begin nxt = 4'b1000; nxt_id = 2'd3; end
                else if (req[0]) begin nxt = 4'b0001; nxt_id = 2'd0; end
                else if (req[1]) begin nxt = 4'b0010; nxt_id = 2'd1; end
                else if (req[2]) begin nxt = 4'b0100; nxt_id = 2'd2; end
            end
            default: begin
                if      (req[0]) begin nxt = 4'b0001; nxt_id = 2'd0; end
                else if (req[1]) begin nxt = 4'b0010; nxt_id = 2'd1; end
                else if (req[2]) begin nxt = 4'b0100; nxt_id = 2'd2; end
                else if (req[3]) begin nxt = 4'b1000; nxt_id = 2'd3; end
            end
        endcase
    end
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            last_oh <= 4'b1000;
            last_id <= 2'd3;
            gnt     <= 4'd0;
            gnt_id  <= 2'd0;
            busy    <= 1'b0;
        end else begin
            gnt    <= nxt;
            gnt_id <= nxt_id;
            busy   <= |req;
            if (|req) begin
                last_oh <= nxt;
                last_id <= nxt_id;
            end
        end
    end
endmodule
