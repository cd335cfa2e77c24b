// Single-direction traffic light with pedestrian request shortening green
module traffic #(parameter TG = 20, parameter TY = 3, parameter TR = 20) (
  input clk, input rst, input ped_req,
  output red, output yellow, output green, output [1:0] phase
);
  localparam S_G = 2'd0, S_Y = 2'd1, S_R = 2'd2;
  reg [1:0]  st;
  reg [15:0] tmr;
  assign phase = st;
  assign green  = (st == S_G);
  assign yellow = (st == S_Y);
  assign red    = st[1];
  always @(posedge clk) begin
    if (rst) begin
      st <= S_R; tmr <= 16'd0;
    end else begin
      case (st)
        S_G: if (tmr == TG - 1 || (ped_req && tmr >= TG / 2)) begin
               st <= S_Y; tmr <= 16'd0;
             end else tmr <= tmr + 16'd1;
        S_Y: if (tmr == TY - 1) begin
               st <= S_R; tmr <= 16'd0;
             end else tmr <= tmr + 16'd1;
        default: if (tmr == TR - 1) begin
               st <= S_G; tmr <= 16'd0;
             end else tmr <= tmr + 16'd1;
      endcase
    end
  end
endmodule

module crossing (input clk, input rst, input ped_req, output red, output yellow, output green, output [1:0] phase);
  traffic #(.TG(25), .TY(4), .TR(30)) u_tl (.clk(clk), .rst(rst), .ped_req(ped_req),
                                           .red(red), .yellow(yellow), .green(green), .phase(phase));
endmodule
