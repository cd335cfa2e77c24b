// Reference: adding with end-around carry byte by byte gives the same value as
// the final fold (both are the ones'-complement sum, non-zero once any byte is
// non-zero), so the 16-bit sum becomes an 8-bit accumulator; csum_err is the
// complement of csum_ok except after reset / sof, where both are 0.
module lin_node (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       sof,
    input  logic       byte_v,
    input  logic [7:0] rx_byte,
    input  logic       is_csum,
    output logic       csum_ok,
    output logic       csum_err
);
    logic [7:0] acc;
    logic [8:0] s;
    logic [3:0] nbytes;
    logic       checked;

    assign s = {1'b0, acc} + {1'b0, rx_byte};

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc     <= '0;
            nbytes  <= '0;
            csum_ok <= 1'b0;
            checked <= 1'b0;
        end else if (sof) begin
            acc     <= '0;
            nbytes  <= '0;
            csum_ok <= 1'b0;
            checked <= 1'b0;
        end else if (byte_v) begin
            if (is_csum) begin
                csum_ok <= (~acc == rx_byte);
                checked <= 1'b1;
            end else if (nbytes != 4'd5) begin
                acc    <= s[7:0] + {7'd0, s[8]};
                nbytes <= nbytes + 1'b1;
            end
        end
    end

    assign csum_err = checked & ~csum_ok;
endmodule
