// Mid-block pedestrian crossing controller. One-process FSM with an
// explicitly one-hot enum and a phase counter advanced in the arms.
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
    typedef enum logic [5:0] {
        GREEN   = 6'b000001,
        YELLOW  = 6'b000010,
        ALLRED  = 6'b000100,
        WALK    = 6'b001000,
        FLASH   = 6'b010000,
        CLEAR   = 6'b100000
    } state_t;

    state_t      state;
    logic [15:0] cnt;
    logic        req;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= GREEN;
            cnt   <= '0;
            req   <= 1'b0;
        end else begin
            if (ped_btn) req <= 1'b1;
            unique case (state)
                GREEN: begin
                    if (cnt < 16'(GREEN_MIN - 1)) cnt <= cnt + 1'b1;
                    else if (req || ped_btn) begin
                        state <= YELLOW;
                        cnt   <= '0;
                    end
                end
                YELLOW: begin
                    if (cnt == 16'(YELLOW_T - 1)) begin
                        state <= ALLRED;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
                end
                ALLRED: begin
                    if (cnt == 16'(ALLRED_T - 1)) begin
                        state <= WALK;
                        cnt   <= '0;
                        req   <= 1'b0;
                    end else cnt <= cnt + 1'b1;
                end
                WALK: begin
                    if (cnt == 16'(WALK_T - 1)) begin
                        state <= FLASH;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
                end
                FLASH: begin
                    if (cnt == 16'(FLASH_T - 1)) begin
                        state <= CLEAR;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
                end
                CLEAR: begin
                    if (cnt == 16'(ALLRED_T - 1)) begin
                        state <= GREEN;
                        cnt   <= '0;
                    end else cnt <= cnt + 1'b1;
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
