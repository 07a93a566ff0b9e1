/** Wall time and peak heap+external memory of one run, after a garbage collection. */
export interface Measurement {
  seconds: number;
  /** Processor time of this process: what the run costs when the machine is shared. */
  cpuSeconds: number;
  peakMiB: number;
}

declare const gc: (() => void) | undefined;

export async function measure(run: () => unknown): Promise<Measurement> {
  if (typeof gc === 'function') gc();
  let peak = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
  };
  const timer = setInterval(sample, 20);
  sample();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  sample();
  clearInterval(timer);
  return { seconds, cpuSeconds, peakMiB: peak / 1024 / 1024 };
}

/** Best of n runs: the least disturbed by whatever else the machine does. */
export async function bestOf(n: number, run: () => unknown): Promise<Measurement> {
  let best: Measurement | null = null;
  for (let i = 0; i < n; i++) {
    const m = await measure(run);
    if (!best || m.seconds < best.seconds) best = m;
  }
  return best as Measurement;
}

export function report(title: string, rows: Record<string, string | number>): void {
  process.stdout.write(`\n## ${title}\n`);
  for (const [key, value] of Object.entries(rows)) process.stdout.write(`  ${key.padEnd(34)} ${String(value)}\n`);
}
