// The simulator's clock for create_date / write_date: real time by default; tests can freeze or move
// it to play changes within one second (Odoo's write_date has whole-second precision).

export class SimClock {
  private frozen: Date | undefined;
  private offsetMs = 0;

  now(): Date {
    return this.frozen ? new Date(this.frozen) : new Date(Date.now() + this.offsetMs);
  }

  /** Stop the clock at `at` (an ISO instant or Date) until thaw() or advance(). */
  freeze(at: string | Date = new Date()): void {
    this.frozen = new Date(at);
  }

  advance(seconds: number): void {
    if (this.frozen) this.frozen = new Date(this.frozen.getTime() + seconds * 1000);
    else this.offsetMs += seconds * 1000;
  }

  thaw(): void {
    if (this.frozen) this.offsetMs = this.frozen.getTime() - Date.now();
    this.frozen = undefined;
  }
}
