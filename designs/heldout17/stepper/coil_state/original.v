// Unipolar stepper-motor driver, half-step mode: a 3-bit phase index moves
// up or down on each step pulse; the coil pattern of the phase is decoded
// from a table and registered for glitch-free driver inputs.
module step_phase #(
    parameter PW = 4
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          step,
    input  wire          dir,
    input  wire          hold,
    output reg  [PW-1:0] ph,
    output wire [PW-1:0] ph_next
);
    assign ph_next = hold ? ph : (step ? (dir ? ph - 1'b1 : ph + 1'b1) : ph);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) ph <= {PW{1'b0}};
        else        ph <= ph_next;
    end
endmodule

module coil_table (
    input  wire [2:0] ph,
    output reg  [3:0] coils
);
    always @* begin
        case (ph)
            3'd0: coils = 4'b1000;
            3'd1: coils = 4'b1100;
            3'd2: coils = 4'b0100;
            3'd3: coils = 4'b0110;
            3'd4: coils = 4'b0010;
            3'd5: coils = 4'b0011;
            3'd6: coils = 4'b0001;
            default: coils = 4'b1001;
        endcase
    end
endmodule

module stepper_drv (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       step,
    input  wire       dir,
    input  wire       hold,
    input  wire       enable,
    output reg  [3:0] coil_q,
    output wire [2:0] phase
);
    wire [2:0] ph_next;
    wire [3:0] pat;
    step_phase #(.PW(3)) u_ph (.clk(clk), .rst_n(rst_n), .step(step), .dir(dir), .hold(hold),
                               .ph(phase), .ph_next(ph_next));
    coil_table u_tab (.ph(ph_next), .coils(pat));
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) coil_q <= 4'b0000;
        else        coil_q <= enable ? pat : 4'b0000;
    end
endmodule
