// One-hot transfer controller: the strobes decoded from the state and the mode, the parity from the count.
module xfer_ctl (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire       wr,
    input  wire       ack,
    output wire       rd_strobe,
    output wire       wr_strobe,
    output wire       odd,
    output wire       idle
);
    reg [3:0] s;
    reg       mode;
    reg [3:0] beats;
    assign idle = s[0];
    assign rd_strobe = s[2] & ~mode;
    assign wr_strobe = s[2] & mode;
    assign odd = ^beats;
    always @(posedge clk) begin
        if (rst) begin
            s <= 4'b0001; mode <= 1'b0;
        end else begin
            if (s[0] && go) begin
                s <= 4'b0010; mode <= wr;
            end
            if (s[1]) s <= 4'b0100;
            if (s[2] && ack) s <= 4'b1000;
            if (s[3]) s <= 4'b0001;
        end
    end
    always @(posedge clk) begin
        if (rst) beats <= 4'd0;
        else if (s[2] && ack) beats <= beats + 4'd1;
    end
endmodule
