// Mid-block pedestrian crossing controller, hand-optimized: 3-bit binary
// state encoding and a phase counter sized for the longest phase.
module xwalk_ctrl #(
    parameter int GREEN_MIN = 600,
    parameter int YELLOW_T  = 60,
    parameter int ALLRED_T  = 20,
    parameter int WALK_T    = 200,
    parameter int FLASH_T   = 150
) (
    input  logic clk,
    input  logic rst_n,
    input  logic ped_btn,
    output logic car_green,
    output logic car_yellow,
    output logic car_red,
    output logic walk,
    output logic flash_dw
);
    localparam int T1 = (GREEN_MIN > YELLOW_T) ? GREEN_MIN : YELLOW_T;
    localparam int T2 = (WALK_T > FLASH_T) ? WALK_T : FLASH_T;
    localparam int T3 = (T1 > T2) ? T1 : T2;
    localparam int TM = (T3 > ALLRED_T) ? T3 : ALLRED_T;
    localparam int CW = (TM > 1) ? $clog2(TM) : 1;

    typedef enum logic [2:0] {
        GREEN,
        YELLOW,
        ALLRED,
        WALK,
        FLASH,
        CLEAR
    } state_t;

    state_t        state;
    logic [CW-1:0] cnt;
    logic        req;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= GREEN;
            cnt   <= '0;
            req   <= 1'b0;
        end else begin
            if (ped_btn) req <= 1'b1;
            case (state)
                GREEN: begin
                    if (cnt < CW'(GREEN_MIN - 1)) cnt <= cnt + 1'b1;
                    else if (req || ped_btn) begin
                        state <= YELLOW;
                        cnt   <= '0;
                    end
                end
                YELLOW: begin
                    if (cnt == CW'(YELLOW_T - 1)) begin
                        state <= ALLRED;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
                end
                ALLRED: begin
                    if (cnt == CW'(ALLRED_T - 1)) begin
                        state <= WALK;
                        cnt   <= '0;
                        req   <= 1'b0;
                    end else cnt <= cnt + 1'b1;
                end
                WALK: begin
                    if (cnt == CW'(WALK_T - 1)) begin
                        state <= FLASH;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
                end
                FLASH: begin
                    if (cnt == CW'(FLASH_T - 1)) begin
                        state <= CLEAR;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
                end
                CLEAR: begin
                    if (cnt == CW'(ALLRED_T - 1)) begin
                        state <= GREEN;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
                end
                default: begin
                    state <= GREEN;
                    cnt   <= '0;
                end
            endcase
        end
    end

    assign car_green  = (state == GREEN);
    assign car_yellow = (state == YELLOW);
    assign car_red    = !(state == GREEN || state == YELLOW);
    assign walk       = (state == WALK);
    assign flash_dw   = (state == FLASH);
endmodule

module crossing (
    input  logic clk,
    input  logic rst_n,
    input  logic ped_btn,
    output logic car_green,
    output logic car_yellow,
    output logic car_red,
    output logic walk,
    output logic flash_dw
);
    xwalk_ctrl #(.GREEN_MIN(30), .YELLOW_T(6), .ALLRED_T(3), .WALK_T(20), .FLASH_T(12)) u_ctrl (.*);
endmodule
