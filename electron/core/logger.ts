/** The core logs through what its host hands it: the desktop shell, the web bridge, the CLI or a test. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Logs to stderr so that stdout stays clean for machine-readable output. */
export function stderrLogger(): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const suffix = fields ? ` ${JSON.stringify(fields)}` : '';
    process.stderr.write(`[${level}] ${message}${suffix}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
