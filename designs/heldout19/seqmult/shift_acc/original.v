// Iterative shift-and-add multiplier (one multiplier bit per clock).
module shift_mult #(
    parameter W = 8
) (
    input                clk,
    input                rst_n,
    input                start,
    input      [W-1:0]   a,
    input      [W-1:0]   b,
    output reg           busy,
    output reg           done,
    output reg [2*W-1:0] result
);
    reg [2*W-1:0]         mcand;
    reg [2*W-1:0]         prod;
    reg [W-1:0]           mplier;
    reg [$clog2(W)-1:0]   cnt;
    wire [2*W-1:0]        psum = prod + (mplier[0] ? mcand : {2*W{1'b0}});

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            busy   <= 1'b0;
            done   <= 1'b0;
            result <= {2*W{1'b0}};
            mcand  <= {2*W{1'b0}};
            prod   <= {2*W{1'b0}};
            mplier <= {W{1'b0}};
            cnt    <= 0;
        end else begin
            done <= 1'b0;
            if (!busy) begin
                if (start) begin
                    mcand  <= {{W{1'b0}}, a};
                    mplier <= b;
                    prod   <= {2*W{1'b0}};
                    cnt    <= 0;
                    busy   <= 1'b1;
                end
            end else begin
                prod   <= psum;
                mcand  <= mcand << 1;
                mplier <= mplier >> 1;
                cnt    <= cnt + 1'b1;
                if (cnt == W - 1) begin
                    busy   <= 1'b0;
                    done   <= 1'b1;
                    result <= psum;
                end
            end
        end
    end
endmodule

module mul_unit (
    input         clk,
    input         rst_n,
    input         start,
    input  [5:0]  a,
    input  [5:0]  b,
    output        busy,
    output        done,
    output [11:0] result
);
    shift_mult #(.W(6)) u_mul (.clk(clk), .rst_n(rst_n), .start(start), .a(a), .b(b),
                               .busy(busy), .done(done), .result(result));
endmodule
