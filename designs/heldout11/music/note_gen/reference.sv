// Reference: every octave's entry is the base octave's entry shifted right by
// the octave number (the script halved with truncation), so a 12-entry table
// and a 0..3 right shift replace the 48-entry table.
module note_gen (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       tick_1m,
    input  logic       key_down,
    input  logic [1:0] octave,
    input  logic [3:0] semi,
    output logic       spk
);
    logic [10:0] base;
    logic [10:0] hp;
    logic [11:0] cnt;

    always_comb begin
        case (semi)
            4'd0:  base = 11'd1911;
            4'd1:  base = 11'd1804;
            4'd2:  base = 11'd1703;
            4'd3:  base = 11'd1607;
            4'd4:  base = 11'd1517;
            4'd5:  base = 11'd1432;
            4'd6:  base = 11'd1351;
            4'd7:  base = 11'd1276;
            4'd8:  base = 11'd1204;
            4'd9:  base = 11'd1136;
            4'd10: base = 11'd1073;
            4'd11: base = 11'd1012;
            default: base = 11'd0;
        endcase
    end

    assign hp = base >> octave;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt <= '0;
            spk <= 1'b0;
        end else if (!key_down || base == '0) begin
            cnt <= '0;
            spk <= 1'b0;
        end else if (tick_1m) begin
            if (cnt >= {1'b0, hp} - 1'b1) begin
                cnt <= '0;
                spk <= ~spk;
            end else begin
                cnt <= cnt + 1'b1;
            end
        end
    end
endmodule
