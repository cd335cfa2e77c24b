// Morse beacon keyer: the element count left is len - 1 - idx, so it is not
// kept; idx and the unit counter need 2 bits.
// dot = 1 unit on, dash = 3 units on, 1 unit between elements,
// 3 units after the letter.
module unit_tick #(
    parameter DIV = 100
) (
    input  wire clk,
    input  wire rst,
    output wire tick
);
    reg [15:0] c;
    always @(posedge clk)
        if (rst || c == DIV-1) c <= 16'd0;
        else                   c <= c + 16'd1;
    assign tick = (c == DIV-1);
endmodule

module morse_rom (
    input  wire [2:0] sym,
    output reg  [3:0] pat,   // element i: 1 = dash, sent from bit 0
    output reg  [2:0] len
);
    always @* begin
        case (sym)
            3'd0: begin pat = 4'b0010; len = 3'd2; end  // A .-
            3'd1: begin pat = 4'b0001; len = 3'd4; end  // B -...
            3'd2: begin pat = 4'b0101; len = 3'd4; end  // C -.-.
            3'd3: begin pat = 4'b0001; len = 3'd3; end  // D -..
            3'd4: begin pat = 4'b0000; len = 3'd1; end  // E .
            3'd5: begin pat = 4'b1111; len = 3'd4; end  // (O-like) ----
            3'd6: begin pat = 4'b0011; len = 3'd3; end  // G --.
            default: begin pat = 4'b0000; len = 3'd4; end // H ....
        endcase
    end
endmodule

module morse_keyer #(
    parameter DIV = 100
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       send,
    input  wire [2:0] sym,
    output reg        key,
    output reg        busy
);
    localparam IDLE = 2'd0, ON = 2'd1, OFF = 2'd2, GAP = 2'd3;
    reg [1:0]  state;
    reg [3:0]  pat;
    reg [2:0]  len;
    reg [1:0]  idx;
    reg [1:0]  units;
    wire [3:0] rom_pat;
    wire [2:0] rom_len;
    wire       tick;

    unit_tick #(.DIV(DIV)) u_tick (.clk(clk), .rst(rst), .tick(tick));
    morse_rom u_rom (.sym(sym), .pat(rom_pat), .len(rom_len));

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE; key <= 1'b0; busy <= 1'b0;
            pat <= 4'd0; len <= 3'd0; idx <= 2'd0; units <= 2'd0;
        end else begin
            case (state)
                IDLE: if (send) begin
                    pat <= rom_pat; len <= rom_len;
                    idx <= 2'd0; units <= 2'd0;
                    key <= 1'b1; busy <= 1'b1;
                    state <= ON;
                end
                ON: if (tick) begin
                    if (units == {pat[idx], 1'b0}) begin
                        key <= 1'b0; units <= 2'd0; state <= OFF;
                    end else
                        units <= units + 2'd1;
                end
                OFF: if (tick) begin
                    if ({1'b0, idx} == len - 3'd1) begin
                        units <= 2'd0; state <= GAP;
                    end else begin
                        idx <= idx + 2'd1;
                        key <= 1'b1;
                        state <= ON;
                    end
                end
                GAP: if (tick) begin
                    if (units[0]) begin
                        busy <= 1'b0; state <= IDLE;
                    end else
                        units <= 2'd1;
                end
            endcase
        end
    end
endmodule

module beacon_top (
    input  wire       clk,
    input  wire       rst,
    input  wire       send,
    input  wire [2:0] sym,
    output wire       key,
    output wire       busy
);
    morse_keyer #(.DIV(7)) u_key (.clk(clk), .rst(rst), .send(send), .sym(sym), .key(key), .busy(busy));
endmodule
