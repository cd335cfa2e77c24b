// Sample window engine: the sequencer numbers the samples of a window of
// NS samples (wrapping), and the accumulator keeps its own phase counter to
// dump a partial sum every 16 samples. Both clear together and count the
// same valid samples; NS is a multiple of 16, so the phase always equals the
// low four bits of the sample index.
module win_seq #(
    parameter int NS = 48
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       clear,
    input  logic       valid,
    output logic       wrap
);
    logic [5:0] idx;

    assign wrap = valid && (idx == 6'(NS - 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            idx <= '0;
        else if (clear)
            idx <= '0;
        else if (valid)
            idx <= (idx == 6'(NS - 1)) ? '0 : idx + 6'd1;
    end
endmodule

module win_acc (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        clear,
    input  logic        valid,
    input  logic [7:0]  sample,
    output logic [11:0] part,
    output logic        dump
);
    logic [3:0]  phase;
    logic [11:0] acc;

    assign dump = valid && (phase == 4'hf);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            phase <= '0;
            acc   <= '0;
            part  <= '0;
        end else if (clear) begin
            phase <= '0;
            acc   <= '0;
        end else if (valid) begin
            phase <= phase + 4'd1;
            if (phase == 4'hf) begin
                part <= acc + 12'(sample);
                acc  <= '0;
            end else begin
                acc <= acc + 12'(sample);
            end
        end
    end
endmodule

module win_engine #(
    parameter int NS = 48
) (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        clear,
    input  logic        valid,
    input  logic [7:0]  sample,
    output logic        wrap,
    output logic [11:0] part,
    output logic        dump
);
    win_seq #(.NS(NS)) u_seq (.*);
    win_acc u_acc (.*);
endmodule

module win_top (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        clear,
    input  logic        valid,
    input  logic [7:0]  sample,
    output logic        wrap,
    output logic [11:0] part,
    output logic        dump
);
    win_engine #(.NS(48)) u_eng (.*);
endmodule
