/**
 * First come, first served ownership of PGlite's single backend session. Connections queue in arrival order, so a
 * busy connection cannot starve the others.
 */
export class SessionLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  /** Resolves once the caller owns the session; every `acquire` must be paired with one {@link release}. */
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the session to the next in line, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  /** How many connections wait for the session. */
  get queued(): number {
    return this.waiting.length;
  }
}
