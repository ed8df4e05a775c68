/** Where the Wayback Machine's APIs are, and how to use them. */
export interface ArchiveOptions {
  /** The availability API: `GET <base>?url=...&timestamp=YYYYMMDD`. */
  availabilityUrl: string;
  /** Save Page Now 2: `POST <base>`, then `GET <base>/status/<job_id>`. */
  saveUrl: string;
  /** The archive.org S3-style keys SPN2 needs; without them nothing is submitted. */
  accessKey?: string | undefined;
  secretKey?: string | undefined;
  userAgent: string;
  /** Least time between two captures asked for, in milliseconds. */
  saveIntervalMs: number;
  /** Time between two status requests of one capture, and how many to make before giving up. */
  pollMs: number;
  pollLimit: number;
  timeoutMs: number;
}

/** The public addresses, and Save Page Now's published limits (a capture every few seconds, one at a time). */
export function archiveOptionsFromEnv(env: NodeJS.ProcessEnv, userAgent: string): ArchiveOptions {
  const number = (value: string | undefined, fallback: number) =>
    value && Number.isFinite(Number(value)) ? Number(value) : fallback;
  return {
    availabilityUrl: env.WAYBACK_AVAILABILITY_URL || 'https://archive.org/wayback/available',
    saveUrl: env.WAYBACK_SAVE_URL || 'https://web.archive.org/save',
    accessKey: env.WAYBACK_ACCESS_KEY || undefined,
    secretKey: env.WAYBACK_SECRET_KEY || undefined,
    userAgent,
    saveIntervalMs: number(env.WAYBACK_SAVE_INTERVAL_MS, 6_000),
    pollMs: number(env.WAYBACK_POLL_MS, 6_000),
    pollLimit: 20,
    timeoutMs: 60_000,
  };
}

/** What archiving one source gave: the snapshot's address as the archive returned it, or why there is none. */
export interface ArchiveResult {
  snapshot: string | null;
  note: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Finds or makes an archived copy of each source, one request at a time: first a snapshot near the
 * day the newsroom read the source (availability API), otherwise a new capture (Save Page Now 2),
 * polled until it is done and then looked up again, so that the address recorded is always one the
 * archive returned.
 */
export class Archiver {
  private readonly options: ArchiveOptions;
  private queue: Promise<unknown> = Promise.resolve();
  private lastSave = 0;

  constructor(options: ArchiveOptions) {
    this.options = options;
  }

  /** Archives one address (serialised with every other call). `live` is false for a page that did not answer: nothing is submitted for it. */
  archive(url: string, accessed: string, live: boolean): Promise<ArchiveResult> {
    const run = this.queue.then(() => this.archiveNow(url, accessed, live));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async getJson(address: string, init: RequestInit = {}): Promise<{ status: number; data: unknown }> {
    const response = await fetch(address, {
      ...init,
      signal: AbortSignal.timeout(this.options.timeoutMs),
      headers: {
        Accept: 'application/json',
        'User-Agent': this.options.userAgent,
        ...(init.headers as Record<string, string>),
      },
    });
    const text = await response.text();
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      // An HTML error page: the status says enough.
    }
    return { status: response.status, data };
  }

  /** The address of the snapshot closest to `day` (YYYY-MM-DD), as the availability API returns it. */
  async closestSnapshot(url: string, day: string): Promise<string | null> {
    const address = new URL(this.options.availabilityUrl);
    address.searchParams.set('url', url);
    address.searchParams.set('timestamp', day.slice(0, 10).replace(/-/g, ''));
    const { status, data } = await this.getJson(address.href);
    if (status !== 200) throw new Error(`the availability API answered ${status}`);
    const closest = (
      data as { archived_snapshots?: { closest?: { available?: boolean; url?: unknown; status?: unknown } } } | null
    )?.archived_snapshots?.closest;
    if (
      !closest?.available ||
      typeof closest.url !== 'string' ||
      (closest.status !== undefined && String(closest.status) !== '200')
    )
      return null;
    return /^https?:\/\//.test(closest.url) ? closest.url : null;
  }

  private async archiveNow(url: string, accessed: string, live: boolean): Promise<ArchiveResult> {
    try {
      const found = await this.closestSnapshot(url, accessed);
      if (found) return { snapshot: found, note: 'snapshot found' };
      if (!live) return { snapshot: null, note: 'no snapshot, and the page does not answer' };
      const { accessKey, secretKey } = this.options;
      if (!accessKey || !secretKey)
        return { snapshot: null, note: 'no snapshot; set WAYBACK_ACCESS_KEY and WAYBACK_SECRET_KEY to ask for one' };
      const wait = this.lastSave + this.options.saveIntervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      this.lastSave = Date.now();
      const auth = { Authorization: `LOW ${accessKey}:${secretKey}` };
      const saved = await this.getJson(this.options.saveUrl, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ url, skip_first_archive: '1' }).toString(),
      });
      const jobId = (saved.data as { job_id?: unknown } | null)?.job_id;
      if (saved.status !== 200 || typeof jobId !== 'string') {
        const message = (saved.data as { message?: unknown } | null)?.message;
        return {
          snapshot: null,
          note: `Save Page Now refused the capture (${saved.status}${typeof message === 'string' ? `: ${message}` : ''})`,
        };
      }
      for (let poll = 0; poll < this.options.pollLimit; poll++) {
        await sleep(this.options.pollMs);
        const { data } = await this.getJson(
          `${this.options.saveUrl.replace(/\/$/, '')}/status/${encodeURIComponent(jobId)}`,
          { headers: auth },
        );
        const state = (data as { status?: unknown; message?: unknown } | null) ?? {};
        if (state.status === 'pending') continue;
        if (state.status !== 'success')
          return {
            snapshot: null,
            note: `the capture failed${typeof state.message === 'string' ? `: ${state.message}` : ''}`,
          };
        const snapshot = await this.closestSnapshot(url, new Date().toISOString());
        return snapshot
          ? { snapshot, note: 'captured now' }
          : { snapshot: null, note: 'captured, but not yet listed; the next run records it' };
      }
      return { snapshot: null, note: 'the capture is still pending; the next run records it' };
    } catch (error) {
      return { snapshot: null, note: `the archive could not be reached (${(error as Error).message})` };
    }
  }
}
