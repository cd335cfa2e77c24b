// Escalator drive controller: soft start in either direction, run, stop ramp.
// One-hot state register indexed by parameter bit positions.
module esc_ctrl #(
    parameter RAMP = 12,       // soft-start / stop cycles
    parameter HAS_MAINT = 1    // maintenance inching mode
) (
    input  wire clk,
    input  wire rst_n,
    input  wire call_up,
    input  wire call_dn,
    input  wire stop_req,
    input  wire maint_key,
    output wire motor_en,
    output wire dir_up,
    output wire brake,
    output wire slow
);
    // binary encoding; MAINT is unreachable here (maint_key tied low) and dropped
    localparam [2:0] IDLE = 3'd0, UP_RAMP = 3'd1, UP_RUN = 3'd2, DN_RAMP = 3'd3, DN_RUN = 3'd4, STOPPING = 3'd5;

    reg [2:0] st;
    reg [2:0] nx;
    reg [4:0] ramp_cnt;
    reg       last_up;
    wire      ramp_done = (ramp_cnt == RAMP - 1);

    always @(*) begin
        nx = st;
        case (st)
            IDLE:     if (call_up) nx = UP_RAMP; else if (call_dn) nx = DN_RAMP;
            UP_RAMP:  if (stop_req) nx = STOPPING; else if (ramp_done) nx = UP_RUN;
            UP_RUN:   if (stop_req) nx = STOPPING;
            DN_RAMP:  if (stop_req) nx = STOPPING; else if (ramp_done) nx = DN_RUN;
            DN_RUN:   if (stop_req) nx = STOPPING;
            STOPPING: if (ramp_done) nx = IDLE;
            default:  nx = IDLE;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st       <= IDLE;
            ramp_cnt <= 5'd0;
            last_up  <= 1'b1;
        end else begin
            st       <= nx;
            ramp_cnt <= (nx != st) ? 5'd0 : (ramp_done ? ramp_cnt : ramp_cnt + 5'd1);
            if (nx == UP_RAMP && st != UP_RAMP) last_up <= 1'b1;
            if (nx == DN_RAMP && st != DN_RAMP) last_up <= 1'b0;
        end
    end

    assign motor_en = (st != IDLE);
    assign dir_up   = (st == UP_RAMP) | (st == UP_RUN) | ((st == STOPPING) & last_up);
    assign brake    = (st == IDLE);
    assign slow     = (st == UP_RAMP) | (st == DN_RAMP) | (st == STOPPING);
endmodule

module escalator (
    input  wire clk,
    input  wire rst_n,
    input  wire call_up,
    input  wire call_dn,
    input  wire stop_req,
    output wire motor_en,
    output wire dir_up,
    output wire brake,
    output wire slow
);
    // this installation has no maintenance key switch
    esc_ctrl #(.RAMP(20), .HAS_MAINT(1)) u_esc (
        .clk(clk), .rst_n(rst_n), .call_up(call_up), .call_dn(call_dn), .stop_req(stop_req),
        .maint_key(1'b0), .motor_en(motor_en), .dir_up(dir_up), .brake(brake), .slow(slow));
endmodule
