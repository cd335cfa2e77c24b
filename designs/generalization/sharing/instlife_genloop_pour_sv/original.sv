// Three-stage pour sequencer (fill, settle, drain): each stage has its own
// dwell timer, an instance per stage from a SystemVerilog for-genvar loop
// (no generate keyword), loaded with the stage's length by a one-cycle kick
// and counting down; the sequencer kicks the next stage when the running
// stage's timer finishes.
module dwell_timer #(
    parameter int LEN = 6
) (
    input  logic clk,
    input  logic rst_n,
    input  logic kick,
    output logic fin
);
    logic [4:0] left;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)            left <= '0;
        else if (kick)         left <= 5'(LEN);
        else if (left != '0)   left <= left - 5'd1;
    end

    assign fin = (left == 5'd1);
endmodule

module pour_seq (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       go,
    output logic       run,
    output logic [1:0] stg,
    output logic [2:0] valve
);
    logic [2:0] kick;
    logic [2:0] fin;

    for (genvar s = 0; s < 3; s++) begin : g_stage
        dwell_timer #(.LEN(6 + 5 * s)) u_dwell (
            .clk  (clk),
            .rst_n(rst_n),
            .kick (kick[s]),
            .fin  (fin[s])
        );
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run  <= 1'b0;
            stg  <= 2'd0;
            kick <= 3'b000;
        end else begin
            kick <= 3'b000;
            if (!run && go) begin
                run  <= 1'b1;
                stg  <= 2'd0;
                kick <= 3'b001;
            end else if (run && |fin) begin
                if (stg == 2'd2) run <= 1'b0;
                else begin
                    stg  <= stg + 2'd1;
                    kick <= 3'b010 << stg;
                end
            end
        end
    end

    assign valve = run ? (3'b001 << stg) : 3'b000;
endmodule
