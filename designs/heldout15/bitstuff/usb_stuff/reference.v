// USB-style bit stuffer with NRZI line encoder: after MAXRUN consecutive
// ones a zero is inserted and the input is held for one cycle.
// The run counter never exceeds MAXRUN: sized by $clog2.
module bit_stuffer #(
    parameter MAXRUN = 6
) (
    input      clk,
    input      rst,
    input      in_valid,
    input      din,
    output     in_ready,
    output reg line,
    output reg stuffed
);
    localparam OW = $clog2(MAXRUN + 1);
    reg [OW-1:0] ones;
    reg     dv, dbit;

    assign in_ready = (ones != MAXRUN);

    always @(posedge clk) begin
        if (rst) begin
            ones    <= {OW{1'b0}};
            dv      <= 1'b0;
            dbit    <= 1'b0;
            stuffed <= 1'b0;
        end else begin
            dv      <= 1'b0;
            stuffed <= 1'b0;
            if (ones == MAXRUN) begin
                dbit    <= 1'b0;
                dv      <= 1'b1;
                stuffed <= 1'b1;
                ones    <= {OW{1'b0}};
            end else if (in_valid) begin
                dbit <= din;
                dv   <= 1'b1;
                ones <= din ? ones + 1'b1 : {OW{1'b0}};
            end
        end
    end

    // NRZI: a zero toggles the line, a one keeps it
    always @(posedge clk) begin
        if (rst)              line <= 1'b1;
        else if (dv && !dbit) line <= ~line;
    end
endmodule

module usb_tx_bits (
    input  clk,
    input  rst,
    input  in_valid,
    input  din,
    output in_ready,
    output line,
    output stuffed
);
    bit_stuffer #(.MAXRUN(5)) u_st (
        .clk(clk), .rst(rst), .in_valid(in_valid), .din(din),
        .in_ready(in_ready), .line(line), .stuffed(stuffed)
    );
endmodule
