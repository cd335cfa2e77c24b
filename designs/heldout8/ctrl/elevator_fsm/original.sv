// Three-floor elevator controller.
module elevator #(parameter int DOOR = 50) (
  input  logic       clk,
  input  logic       rst,
  input  logic [2:0] call,        // pending calls per floor
  input  logic       arrive,      // car reached the next floor
  output logic       motor_up,
  output logic       motor_dn,
  output logic       door_open,
  output logic [1:0] floor
);
  typedef enum logic [3:0] {
    IDLE1, IDLE2, IDLE3, UP12, UP23, DN32, DN21, OPEN1, OPEN2U, OPEN2D, OPEN3
  } state_t;
  state_t st;
  int     t;

  always_ff @(posedge clk) begin
    if (rst) begin
      st <= IDLE1;
      t  <= 0;
    end else begin
      case (st)
        IDLE1:  if (call[1] || call[2]) st <= UP12;
                else if (call[0])       st <= OPEN1;
        IDLE2:  if (call[2])            st <= UP23;
                else if (call[0])       st <= DN21;
                else if (call[1])       st <= OPEN2U;
        IDLE3:  if (call[0] || call[1]) st <= DN32;
                else if (call[2])       st <= OPEN3;
        UP12:   if (arrive) st <= OPEN2U;
        UP23:   if (arrive) st <= OPEN3;
        DN32:   if (arrive) st <= OPEN2D;
        DN21:   if (arrive) st <= OPEN1;
        OPEN1, OPEN2U, OPEN2D, OPEN3: begin
          if (t == DOOR - 1) begin
            t <= 0;
            case (st)
              OPEN1:   st <= IDLE1;
              OPEN3:   st <= IDLE3;
              OPEN2U:  st <= IDLE2;
              default: st <= IDLE2;
            endcase
          end else begin
            t <= t + 1;
          end
        end
        default: st <= IDLE1;
      endcase
    end
  end

  always_comb begin
    motor_up  = (st == UP12) || (st == UP23);
    motor_dn  = (st == DN32) || (st == DN21);
    door_open = (st == OPEN1) || (st == OPEN2U) || (st == OPEN2D) || (st == OPEN3);
    case (st)
      IDLE1, OPEN1, UP12, DN21:   floor = 2'd1;
      IDLE2, OPEN2U, OPEN2D, UP23: floor = 2'd2;
      default:                    floor = 2'd3;
    endcase
  end
endmodule

module elevator_top (
  input  logic       clk,
  input  logic       rst,
  input  logic [2:0] call,
  input  logic       arrive,
  output logic       motor_up,
  output logic       motor_dn,
  output logic       door_open,
  output logic [1:0] floor
);
  elevator #(.DOOR(20)) u_el (.*);
endmodule
