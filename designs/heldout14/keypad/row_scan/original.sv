// 4xN matrix keypad scanner: drives one row low at a time (one-hot row
// register rotated beside the row number), samples the column lines and
// latches the code of the first pressed key seen.
module kp_scanner #(
    parameter int ROWS     = 4,
    parameter int COLS     = 4,
    parameter int SCAN_DIV = 1000,
    parameter int RW       = 8
) (
    input  logic            clk,
    input  logic            rst_n,
    input  logic [COLS-1:0] col_n,
    output logic [ROWS-1:0] row_n,
    output logic            key_valid,
    output logic [7:0]      key_code
);
    logic [15:0]     div_cnt;
    logic            scan_tick;
    logic [RW-1:0]   row_idx;
    logic [ROWS-1:0] row_oh;

    assign scan_tick = (div_cnt == 16'(SCAN_DIV - 1));
    assign row_n     = ~row_oh;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            div_cnt <= '0;
            row_idx <= '0;
            row_oh  <= ROWS'(1);
        end else begin
            div_cnt <= scan_tick ? '0 : div_cnt + 1'b1;
            if (scan_tick) begin
                if (row_idx == RW'(ROWS - 1)) begin
                    row_idx <= '0;
                    row_oh  <= ROWS'(1);
                end else begin
                    row_idx <= row_idx + 1'b1;
                    row_oh  <= row_oh << 1;
                end
            end
        end
    end

    // sample the columns at the end of each row slot
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            key_valid <= 1'b0;
            key_code  <= '0;
        end else begin
            key_valid <= 1'b0;
            if (scan_tick) begin
                for (int c = COLS - 1; c >= 0; c--) begin
                    if (!col_n[c]) begin
                        key_valid <= 1'b1;
                        key_code  <= 8'(row_idx * COLS + c);
                    end
                end
            end
        end
    end
endmodule

module door_keypad (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [2:0] col_n,
    output logic [3:0] row_n,
    output logic       key_valid,
    output logic [7:0] key_code
);
    kp_scanner #(.ROWS(4), .COLS(3), .SCAN_DIV(50)) u_scan (.*);
endmodule
