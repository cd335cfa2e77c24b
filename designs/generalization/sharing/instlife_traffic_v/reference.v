// Pedestrian crossing light: green for the cars until a request, then amber, then a walk phase,
// then a clearance phase. The timed phases never overlap: one segment counter, loaded with the
// length of the phase being entered, serves all three.
module xing_ctrl (
    input        clk,
    input        rst_n,
    input        req,
    output [2:0] car,   // {red, amber, green}
    output       walk
);
    localparam GO = 2'd0, AMB = 2'd1, WLK = 2'd2, CLR = 2'd3;
    reg [1:0] ph;
    reg [3:0] left;
    reg       armed;
    wire      tmo = armed & (left == 0);
    wire go_amb = (ph == GO) & req;
    wire go_wlk = (ph == AMB) & tmo;
    wire go_clr = (ph == WLK) & tmo;

    always @(posedge clk) begin
        if (!rst_n) begin
            left  <= 4'd0;
            armed <= 1'b0;
        end else if (go_amb | go_wlk | go_clr) begin
            left  <= go_amb ? 4'd3 : go_wlk ? 4'd11 : 4'd5;
            armed <= 1'b1;
        end else if (armed) begin
            if (left == 0) armed <= 1'b0;
            else           left  <= left - 1'b1;
        end
    end

    always @(posedge clk) begin
        if (!rst_n) ph <= GO;
        else case (ph)
            GO:  if (req) ph <= AMB;
            AMB: if (tmo) ph <= WLK;
            WLK: if (tmo) ph <= CLR;
            CLR: if (tmo) ph <= GO;
        endcase
    end
    assign car  = (ph == GO) ? 3'b001 : (ph == AMB) ? 3'b010 : 3'b100;
    assign walk = (ph == WLK);
endmodule
