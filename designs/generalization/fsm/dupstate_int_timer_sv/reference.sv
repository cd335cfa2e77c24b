// Pedestrian crossing, hand reference: WALK_N and WALK_S merged, the dwell timer 4 bits (DWELL = 10).
module xing #(parameter int DWELL = 10) (
  input  logic clk,
  input  logic rst_n,
  input  logic btn_n,
  input  logic btn_s,
  output logic car_go,
  output logic walk,
  output logic beep
);
  typedef enum logic [1:0] {GO, AMBER, WALK, CLEAR} st_t;
  st_t st;
  logic [3:0] dwell;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= GO; dwell <= '0;
    end else begin
      unique case (st)
        GO:     if (btn_n || btn_s) st <= AMBER;
        AMBER:  st <= WALK;
        WALK:
                if (dwell == 4'd9) begin dwell <= '0; st <= CLEAR; end
                else dwell <= dwell + 4'd1;
        CLEAR:  st <= GO;
        default: st <= GO;
      endcase
    end
  end

  always_comb begin
    car_go = (st == GO);
    walk   = (st == WALK);
    beep   = walk && dwell[0];
  end
endmodule

module xing_top (
  input  logic clk,
  input  logic rst_n,
  input  logic btn_n,
  input  logic btn_s,
  output logic car_go,
  output logic walk,
  output logic beep
);
  xing #(.DWELL(10)) u_x (.clk, .rst_n, .btn_n, .btn_s, .car_go, .walk, .beep);
endmodule
