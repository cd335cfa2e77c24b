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
    parameter IDLE = 0, UP_RAMP = 1, UP_RUN = 2, DN_RAMP = 3, DN_RUN = 4, STOPPING = 5, MAINT = 6;

    reg [6:0] st;
    reg [6:0] nx;
    reg [4:0] ramp_cnt;
    reg       last_up;
    wire      ramp_done = (ramp_cnt == RAMP - 1);

    always @(*) begin
        nx = 7'b0;
        if (st[IDLE]) begin
            if (HAS_MAINT && maint_key) nx[MAINT]   = 1'b1;
            else if (call_up)           nx[UP_RAMP] = 1'b1;
            else if (call_dn)           nx[DN_RAMP] = 1'b1;
            else                        nx[IDLE]    = 1'b1;
        end
        if (st[UP_RAMP]) begin
            if (stop_req)       nx[STOPPING] = 1'b1;
            else if (ramp_done) nx[UP_RUN]   = 1'b1;
            else                nx[UP_RAMP]  = 1'b1;
        end
        if (st[UP_RUN]) begin
            if (stop_req) nx[STOPPING] = 1'b1; else nx[UP_RUN] = 1'b1;
        end
        if (st[DN_RAMP]) begin
            if (stop_req)       nx[STOPPING] = 1'b1;
            else if (ramp_done) nx[DN_RUN]   = 1'b1;
            else                nx[DN_RAMP]  = 1'b1;
        end
        if (st[DN_RUN]) begin
            if (stop_req) nx[STOPPING] = 1'b1; else nx[DN_RUN] = 1'b1;
        end
        if (st[STOPPING]) begin
            if (ramp_done) nx[IDLE] = 1'b1; else nx[STOPPING] = 1'b1;
        end
        if (st[MAINT]) begin
            if (!maint_key) nx[IDLE] = 1'b1; else nx[MAINT] = 1'b1;
        end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st       <= 7'b1 << IDLE;
            ramp_cnt <= 5'd0;
            last_up  <= 1'b1;
        end else begin
            st       <= nx;
            ramp_cnt <= (nx != st) ? 5'd0 : (ramp_done ? ramp_cnt : ramp_cnt + 5'd1);
            if (nx[UP_RAMP]) last_up <= 1'b1;
            if (nx[DN_RAMP]) last_up <= 1'b0;
        end
    end

    assign motor_en = st[UP_RAMP] | st[UP_RUN] | st[DN_RAMP] | st[DN_RUN] | st[STOPPING] | st[MAINT];
    assign dir_up   = st[UP_RAMP] | st[UP_RUN] | (st[STOPPING] & last_up) | st[MAINT];
    assign brake    = st[IDLE];
    assign slow     = st[UP_RAMP] | st[DN_RAMP] | st[STOPPING] | st[MAINT];
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
