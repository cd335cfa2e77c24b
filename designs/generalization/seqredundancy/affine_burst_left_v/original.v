// Burst address generator: a start loads the burst length; each accepted beat steps the beat index
// and the address. A beats-left count is kept beside the index (it is always len - beat, modulo its
// 8 bits) and decides the last beat.
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
    reg [7:0] left;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            len_q <= 4'd0;
            left  <= 8'd0;
            beat  <= 8'd0;
            addr  <= {AW{1'b0}};
            valid <= 1'b0;
            done  <= 1'b0;
        end else begin
            done <= 1'b0;
            if (!valid) begin
                if (start && blen != 4'd0) begin
                    len_q <= blen;
                    left  <= {4'b0000, blen};
                    beat  <= 8'd0;
                    addr  <= base;
                    valid <= 1'b1;
                end
            end else if (ready) begin
                if (left == 8'd1) begin
                    valid <= 1'b0;
                    done  <= 1'b1;
                end else begin
                    left <= left - 8'd1;
                    beat <= beat + 8'd1;
                    addr <= addr + 1'b1;
                end
            end
        end
    end

    assign cur_len = len_q;
    assign last = valid && (left == 8'd1);
endmodule
