// Stereo power meter: left^2 in one state, right^2 in the next; active-high asynchronous reset.
module stereo_power (
    input  logic        clk,
    input  logic        arst,
    input  logic        sample,
    input  logic [9:0]  left,
    input  logic [9:0]  right,
    output logic [20:0] power,
    output logic        ready
);
    typedef enum logic [1:0] {IDLE, ACC_L, ACC_R, DONE} st_t;
    st_t st;

    logic [19:0] l2, r2;
    assign l2 = left * left;
    assign r2 = right * right;

    always_ff @(posedge clk, posedge arst) begin
        if (arst) begin
            st    <= IDLE;
            power <= '0;
            ready <= 1'b0;
        end else begin
            unique case (st)
                IDLE: begin
                    ready <= 1'b0;
                    if (sample) begin
                        power <= '0;
                        st    <= ACC_L;
                    end
                end
                ACC_L: begin
                    power <= power + l2;
                    st    <= ACC_R;
                end
                ACC_R: begin
                    power <= power + r2;
                    st    <= DONE;
                end
                DONE: begin
                    ready <= 1'b1;
                    st    <= IDLE;
                end
            endcase
        end
    end
endmodule
