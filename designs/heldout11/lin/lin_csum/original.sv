// LIN 2.x enhanced checksum check (responder side). The PID and up to 8 data
// bytes are summed; the inverted "sum with carry" (carries folded back into
// the low byte) must equal the received checksum byte. The sum is kept wide
// and folded once at the end of the frame.
module lin_csum #(
    parameter int MAXB = 9          // PID + 8 data bytes
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       sof,          // break/sync seen: new frame
    input  logic       byte_v,
    input  logic [7:0] rx_byte,
    input  logic       is_csum,      // this byte is the checksum field
    output logic       csum_ok,
    output logic       csum_err
);
    logic [15:0] sum;
    logic [3:0]  nbytes;
    logic [15:0] f1;
    logic [7:0]  folded;

    assign f1     = {8'd0, sum[7:0]} + {8'd0, sum[15:8]};
    assign folded = f1[7:0] + {7'd0, f1[8]};

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            sum      <= '0;
            nbytes   <= '0;
            csum_ok  <= 1'b0;
            csum_err <= 1'b0;
        end else if (sof) begin
            sum      <= '0;
            nbytes   <= '0;
            csum_ok  <= 1'b0;
            csum_err <= 1'b0;
        end else if (byte_v) begin
            if (is_csum) begin
                csum_ok  <= (~folded == rx_byte);
                csum_err <= (~folded != rx_byte);
            end else if (nbytes != 4'(MAXB)) begin
                sum    <= sum + {8'd0, rx_byte};
                nbytes <= nbytes + 1'b1;
            end
        end
    end
endmodule

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
    lin_csum #(.MAXB(5)) u_cs (.*);
endmodule
