// Pump rotation controller: one of NP pumps runs at a time and the duty
// rotates after every run. Two-process style: the next state and the next
// pump index come from a combinational block, and the pump enables are
// registered from them (one-hot of the next index while the next state runs).
module pump_rot #(
    parameter NP    = 4,
    parameter IW    = 2,
    parameter RUN_T = 12
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          demand,
    input  wire          fault,
    output reg  [NP-1:0] pump_en,
    output wire [IW-1:0] duty
);
    localparam S_OFF   = 3'd0;
    localparam S_PRIME = 3'd1;
    localparam S_RUN   = 3'd2;
    localparam S_COAST = 3'd3;
    localparam S_LOCK  = 3'd4;

    reg [2:0]    st, st_n;
    reg [IW-1:0] idx, idx_n;
    reg [3:0]    t, t_n;

    always @* begin
        st_n  = st;
        idx_n = idx;
        t_n   = t;
        case (st)
            S_OFF:   if (demand) begin st_n = S_PRIME; t_n = 4'd0; end
            S_PRIME: if (t == 4'd3) begin st_n = S_RUN; t_n = 4'd0; end
                     else t_n = t + 4'd1;
            S_RUN:   if (fault) st_n = S_LOCK;
                     else if (t == RUN_T - 1) begin st_n = S_COAST; t_n = 4'd0; end
                     else t_n = t + 4'd1;
            S_COAST: if (t == 4'd2) begin
                         st_n  = demand ? S_PRIME : S_OFF;
                         idx_n = (idx == NP - 1) ? {IW{1'b0}} : idx + 1'b1;
                         t_n   = 4'd0;
                     end else t_n = t + 4'd1;
            S_LOCK:  if (!fault) st_n = S_OFF;
            default: st_n = S_OFF;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st      <= S_OFF;
            idx     <= {IW{1'b0}};
            t       <= 4'd0;
            pump_en <= {NP{1'b0}};
        end else begin
            st      <= st_n;
            idx     <= idx_n;
            t       <= t_n;
            pump_en <= (st_n == S_RUN) ? ({{NP-1{1'b0}}, 1'b1} << idx_n) : {NP{1'b0}};
        end
    end

    assign duty = idx;
endmodule

module pump_station (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       demand,
    input  wire       fault,
    output wire [3:0] pump_en,
    output wire [1:0] duty
);
    pump_rot #(.NP(4), .IW(2), .RUN_T(12)) u_rot (
        .clk(clk), .rst_n(rst_n), .demand(demand), .fault(fault), .pump_en(pump_en), .duty(duty)
    );
endmodule
