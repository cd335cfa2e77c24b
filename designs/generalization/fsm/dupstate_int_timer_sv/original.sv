// Pedestrian crossing (SystemVerilog: typedef enum, int dwell timer, always_ff + always_comb, `.name`
// hookup): WALK_N and WALK_S (entered from the two push buttons) behave identically - same outputs, same
// `int` dwell timer, same exit - and the timer only counts to DWELL-1 = 9.
module xing #(parameter int DWELL = 25) (
  input  logic clk,
  input  logic rst_n,
  input  logic btn_n,
  input  logic btn_s,
  output logic car_go,
  output logic walk,
  output logic beep
);
  typedef enum logic [2:0] {GO, AMBER, WALK_N, WALK_S, CLEAR} st_t;
  st_t st;
  int  dwell;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= GO; dwell <= 0;
    end else begin
      unique case (st)
        GO:     if (btn_n || btn_s) st <= AMBER;
        AMBER:  st <= btn_n ? WALK_N : WALK_S;
        WALK_N, WALK_S:
                if (dwell == DWELL - 1) begin dwell <= 0; st <= CLEAR; end
                else dwell <= dwell + 1;
        CLEAR:  st <= GO;
        default: st <= GO;
      endcase
    end
  end

  always_comb begin
    car_go = (st == GO);
    walk   = (st == WALK_N) || (st == WALK_S);
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
