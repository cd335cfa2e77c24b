// One-hot transfer controller with a direction mode bit: the registered 'rd_strobe' and
// 'wr_strobe' flags are set and cleared with the state, so each is a function of the
// one-hot state and the mode; the 'odd' flag is the parity of the 4-bit beat count.
module xfer_ctl (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire       wr,
    input  wire       ack,
    output reg        rd_strobe,
    output reg        wr_strobe,
    output reg        odd,
    output wire       idle
);
    reg [3:0] s;      // one-hot: s[0] idle, s[1] addr, s[2] data, s[3] done
    reg       mode;
    reg [3:0] beats;
    assign idle = s[0];
    always @(posedge clk) begin
        if (rst) begin
            s <= 4'b0001; mode <= 1'b0; rd_strobe <= 1'b0; wr_strobe <= 1'b0;
        end else begin
            if (s[0] && go) begin
                s <= 4'b0010; mode <= wr;
            end
            if (s[1]) begin
                s <= 4'b0100;
                if (mode) wr_strobe <= 1'b1; else rd_strobe <= 1'b1;
            end
            if (s[2] && ack) begin
                s <= 4'b1000; wr_strobe <= 1'b0; rd_strobe <= 1'b0;
            end
            if (s[3]) s <= 4'b0001;
        end
    end
    always @(posedge clk) begin
        if (rst) begin
            beats <= 4'd0; odd <= 1'b0;
        end else if (s[2] && ack) begin
            beats <= beats + 4'd1;
            odd   <= ^(beats + 4'd1);
        end
    end
endmodule
