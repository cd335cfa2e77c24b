// Electronic die: while the button is held a fast counter spins through 1..6;
// on release the face is frozen and shown on a 7-LED pip pattern
// (bit 0 TL, 1 TR, 2 ML, 3 C, 4 MR, 5 BL, 6 BR).
module btn_sync #(
    parameter int DB = 20000
) (
    input  logic clk,
    input  logic rst_n,
    input  logic btn_raw,
    output logic btn
);
    logic [1:0]              sync;
    logic [$clog2(DB)-1:0]   cnt;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            sync <= '0;
            cnt  <= '0;
            btn  <= 1'b0;
        end else begin
            sync <= {sync[0], btn_raw};
            if (sync[1] == btn)
                cnt <= '0;
            else if (cnt == DB - 1) begin
                btn <= sync[1];
                cnt <= '0;
            end else
                cnt <= cnt + 1'b1;
        end
    end
endmodule

module die_face (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       roll,
    output logic [2:0] face,
    output logic [6:0] pips
);
    logic [2:0] spin;
    logic [2:0] spin_n;

    function automatic logic [6:0] pip_map(input logic [2:0] v);
        case (v)
            3'd1:    pip_map = 7'b0001000;
            3'd2:    pip_map = 7'b1000001;
            3'd3:    pip_map = 7'b1001001;
            3'd4:    pip_map = 7'b1100011;
            3'd5:    pip_map = 7'b1101011;
            3'd6:    pip_map = 7'b1110111;
            default: pip_map = 7'b0000000;
        endcase
    endfunction

    assign spin_n = (spin == 3'd6) ? 3'd1 : spin + 3'd1;

    // the pip pattern is a decode of the frozen face
    assign pips = pip_map(face);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            spin <= 3'd1;
            face <= 3'd1;
        end else begin
            spin <= spin_n;
            if (roll)
                face <= spin;
        end
    end
endmodule

module dice_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       button,
    output logic [2:0] face,
    output logic [6:0] pips
);
    logic btn;
    btn_sync #(.DB(6)) u_sync (.clk, .rst_n, .btn_raw(button), .btn);
    die_face u_die (.clk, .rst_n, .roll(btn), .face, .pips);
endmodule
