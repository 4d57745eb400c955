/** Timers come in from outside so tests can drive retries and polls without waiting in real time. */
export interface Timers {
  /** Calls back once after ms; the returned function cancels it. */
  after(ms: number, callback: () => void): () => void;
}

export const systemTimers: Timers = {
  after(ms, callback) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};
