// Reference: the stages never dwell at the same time and each timer only runs
// after its own kick, so one timer loaded with the kicked stage's length (the
// stage register already names it when the kick is high) serves all three.
module pour_seq (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       go,
    output logic       run,
    output logic [1:0] stg,
    output logic [2:0] valve
);
    logic [2:0] kick;
    logic [4:0] left;
    wire        fin = (left == 5'd1);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)            left <= '0;
        else if (|kick)        left <= (stg == 2'd0) ? 5'd6 : (stg == 2'd1) ? 5'd11 : 5'd16;
        else if (left != '0)   left <= left - 5'd1;
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
            end else if (run && fin) begin
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
