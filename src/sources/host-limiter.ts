/**
 * Runs tasks with at most `perHost` at a time for any one host and `total` at a time in all, in
 * the order they were asked for.
 */
export class HostLimiter {
  private readonly perHost: number;
  private readonly total: number;
  private running = 0;
  private readonly byHost = new Map<string, number>();
  private readonly waiting: { host: string; start: () => void }[] = [];

  constructor({ perHost = 2, total = 16 }: { perHost?: number; total?: number } = {}) {
    this.perHost = perHost;
    this.total = total;
  }

  /** Runs `task` when a slot for `host` is free. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        host,
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.byHost.set(host, this.byHost.get(host)! - 1);
              this.next();
            });
        },
      });
      this.next();
    });
  }

  private next(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.total;) {
      const item = this.waiting[i]!;
      const active = this.byHost.get(item.host) ?? 0;
      if (active >= this.perHost) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.running++;
      this.byHost.set(item.host, active + 1);
      item.start();
    }
  }
}
