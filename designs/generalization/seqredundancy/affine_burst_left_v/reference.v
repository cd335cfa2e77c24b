// Burst address generator: the beats-left count is len - beat (modulo 8 bits), so it is not kept;
// the last beat is beat == len - 1.
module burst_gen #(
    parameter AW = 10
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          start,
    input  wire [3:0]    blen,
    input  wire [AW-1:0] base,
    input  wire          ready,
    output reg  [AW-1:0] addr,
    output reg           valid,
    output wire          last,
    output reg  [7:0]    beat,
    output wire [3:0]    cur_len,
    output reg           done
);
    reg [3:0] len_q;
    wire [7:0] left = {4'b0000, len_q} - beat;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            len_q <= 4'd0;
            beat  <= 8'd0;
            addr  <= {AW{1'b0}};
            valid <= 1'b0;
            done  <= 1'b0;
        end else begin
            done <= 1'b0;
            if (!valid) begin
                if (start && blen != 4'd0) begin
                    len_q <= blen;
                    beat  <= 8'd0;
                    addr  <= base;
                    valid <= 1'b1;
                end
            end else if (ready) begin
                if (left == 8'd1) begin
                    valid <= 1'b0;
                    done  <= 1'b1;
                end else begin
                    beat <= beat + 8'd1;
                    addr <= addr + 1'b1;
                end
            end
        end
    end

    assign cur_len = len_q;
    assign last = valid && (left == 8'd1);
endmodule
