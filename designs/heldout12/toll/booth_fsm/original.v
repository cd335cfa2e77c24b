// Toll-booth lane controller: waits for a car, reads the tag, charges the
// account (or denies), opens the barrier and waits for the car to clear.
module toll_lane #(
    parameter TAG_TMO = 100,   // tag read timeout, cycles
    parameter CLR_T   = 30     // barrier hold after the loop clears
) (
    input  wire clk,
    input  wire rst_n,
    input  wire car_loop,      // inductive loop occupied
    input  wire tag_valid,
    input  wire tag_ok,        // account in good standing
    input  wire charged,       // payment backend acknowledged
    output reg  barrier_up,
    output reg  light_green,
    output reg  light_red,
    output reg  call_staff
);
    localparam WAIT = 0, READ = 1, CHARGE = 2, OPEN = 3, CLEAR = 4, DENY = 5;

    reg [5:0] st, nx;
    reg [7:0] t;

    always @(*) begin
        nx = 6'b0;
        case (1'b1)
            st[WAIT]:   if (car_loop) nx[READ] = 1'b1; else nx[WAIT] = 1'b1;
            st[READ]:   if (tag_valid) begin
                            if (tag_ok) nx[CHARGE] = 1'b1; else nx[DENY] = 1'b1;
                        end else if (t == TAG_TMO - 1) nx[DENY] = 1'b1;
                        else nx[READ] = 1'b1;
            st[CHARGE]: if (charged) nx[OPEN] = 1'b1; else nx[CHARGE] = 1'b1;
            st[OPEN]:   if (!car_loop) nx[CLEAR] = 1'b1; else nx[OPEN] = 1'b1;
            st[CLEAR]:  if (car_loop) nx[OPEN] = 1'b1;
                        else if (t == CLR_T - 1) nx[WAIT] = 1'b1;
                        else nx[CLEAR] = 1'b1;
            st[DENY]:   if (!car_loop) nx[WAIT] = 1'b1; else nx[DENY] = 1'b1;
            default:    nx[WAIT] = 1'b1;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st          <= 6'b000001;
            t           <= 8'd0;
            barrier_up  <= 1'b0;
            light_green <= 1'b0;
            light_red   <= 1'b1;
            call_staff  <= 1'b0;
        end else begin
            st          <= nx;
            t           <= (nx == st) ? t + 8'd1 : 8'd0;
            // registered lamp / barrier drivers
            barrier_up  <= nx[OPEN] | nx[CLEAR];
            light_green <= nx[OPEN] | nx[CLEAR];
            light_red   <= ~(nx[OPEN] | nx[CLEAR]);
            call_staff  <= nx[DENY];
        end
    end
endmodule

module toll_plaza (
    input  wire clk,
    input  wire rst_n,
    input  wire car_loop,
    input  wire tag_valid,
    input  wire tag_ok,
    input  wire charged,
    output wire barrier_up,
    output wire light_green,
    output wire light_red,
    output wire call_staff
);
    toll_lane #(.TAG_TMO(150), .CLR_T(40)) u_lane (
        .clk(clk), .rst_n(rst_n), .car_loop(car_loop), .tag_valid(tag_valid), .tag_ok(tag_ok),
        .charged(charged), .barrier_up(barrier_up), .light_green(light_green), .light_red(light_red),
        .call_staff(call_staff));
endmodule
