// Duplex sump-pump controller with lead/lag alternation: after every pump-down
// cycle the lead role passes to the other pump to even out wear. Each pump has
// its own controller instance (they are identical boards in the field), which
// tracks whether it is currently the lead pump and counts its own starts.
module pump_ctrl #(
    parameter LEAD_AT_RESET = 1'b1,
    parameter CW            = 16
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          lvl_on,     // level above lead-start float
    input  wire          lvl_high,   // level above lag-start float
    input  wire          lvl_off,    // level below stop float
    input  wire          fault,      // this pump's overload tripped
    output reg           run,
    output reg           is_lead,
    output reg  [CW-1:0] starts
);
    reg  was_pumping;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run     <= 1'b0;
            is_lead <= LEAD_AT_RESET;
            starts  <= {CW{1'b0}};
        end else begin
            if (fault || lvl_off)
                run <= 1'b0;
            else if ((is_lead && lvl_on) || lvl_high) begin
                run <= 1'b1;
                if (!run) starts <= starts + 1'b1;
            end
            // every pump-down ends with both floats low: swap roles
            if (lvl_off && (lvl_on == 1'b0) && was_pumping)
                is_lead <= ~is_lead;
        end
    end

    // remember that some pump ran since the last swap
    always @(posedge clk or negedge rst_n)
        if (!rst_n)                 was_pumping <= 1'b0;
        else if (lvl_off)           was_pumping <= 1'b0;
        else if (lvl_on || lvl_high) was_pumping <= 1'b1;
endmodule

module duplex_pumps (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        lvl_on,
    input  wire        lvl_high,
    input  wire        lvl_off,
    input  wire        fault_a,
    input  wire        fault_b,
    output wire        run_a,
    output wire        run_b,
    output wire        lead_is_a,
    output wire [11:0] starts_a,
    output wire [11:0] starts_b
);
    wire lead_b;

    pump_ctrl #(.LEAD_AT_RESET(1'b1), .CW(12)) u_a (
        .clk(clk), .rst_n(rst_n), .lvl_on(lvl_on), .lvl_high(lvl_high), .lvl_off(lvl_off),
        .fault(fault_a), .run(run_a), .is_lead(lead_is_a), .starts(starts_a));
    pump_ctrl #(.LEAD_AT_RESET(1'b0), .CW(12)) u_b (
        .clk(clk), .rst_n(rst_n), .lvl_on(lvl_on), .lvl_high(lvl_high), .lvl_off(lvl_off),
        .fault(fault_b), .run(run_b), .is_lead(lead_b), .starts(starts_b));
endmodule
