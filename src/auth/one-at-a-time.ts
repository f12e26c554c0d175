/**
 * Work done one call at a time, in the order the calls arrived. Sign-in checks
 * attempts this way (oneAtATime below); the hub prints board-report PDFs
 * through a line with a limit, since each print launches a browser of a few
 * hundred MB.
 */

/** A queued call: runs its work and resolves to the function that answers its caller. */
type Turn = () => Promise<() => void>;

export class OneAtATime {
  private line: Turn[] = [];
  private running = false;

  /** `limit`: how many calls may wait behind the running one. */
  constructor(readonly limit = Infinity) {}

  /** Calls waiting for their turn, the running one not counted. */
  get waiting(): number {
    return this.line.length;
  }

  /** A further call would be over the limit: the caller refuses it (with its own answer) instead of calling run. */
  get full(): boolean {
    return this.line.length >= this.limit;
  }

  /** Nothing running and nothing waiting. */
  get idle(): boolean {
    return !this.running && this.line.length === 0;
  }

  /**
   * Runs `fn` once every earlier call has finished. When `signal` aborts
   * while the call waits, it leaves the line and `fn` never runs; when it
   * aborts while `fn` runs, the caller is answered at once (an AbortError) and
   * the result is dropped, but the next call still waits for `fn` to finish.
   */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abandoned());
    if (this.full) return Promise.reject(new RangeError(`${this.limit} calls are already waiting; check full before run`));
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        this.line = this.line.filter((t) => t !== turn);
        reject(abandoned());
      };
      const turn: Turn = async () => {
        try {
          const value = await fn();
          return () => resolve(value);
        } catch (error) {
          return () => reject(error);
        } finally {
          signal?.removeEventListener('abort', leave);
        }
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.line.push(turn);
      this.next();
    });
  }

  private next(): void {
    const turn = this.running ? undefined : this.line.shift();
    if (!turn) return;
    this.running = true;
    void turn().then((answer) => {
      // Free the line before answering, so a caller that sees `idle` afterwards can trust it.
      this.running = false;
      this.next();
      answer();
    });
  }
}

/** What a call whose caller stopped waiting is rejected with. */
function abandoned(): DOMException {
  return new DOMException('the caller stopped waiting', 'AbortError');
}

const lines = new Map<string, OneAtATime>();

/**
 * Runs `fn` once every earlier call with the same key has settled; calls with
 * other keys run side by side. Sign-in uses it so that a burst of parallel
 * guesses is counted one by one: otherwise each would pass the limit's check
 * before any of them had been recorded as a failure.
 */
export async function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const line = lines.get(key) ?? new OneAtATime();
  lines.set(key, line);
  try {
    return await line.run(fn);
  } finally {
    // Keys are usernames and addresses anyone can send: keep none that is idle.
    if (line.idle) lines.delete(key);
  }
}
