import fs from 'node:fs';
import path from 'node:path';

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

/** Where the program's log lives inside a data folder. */
export function logFileOf(dataDir: string): string {
  return path.join(dataDir, 'logs', 'jigai.log');
}

export interface FileLoggerOptions {
  /** The file is rotated before it would grow past this size. */
  maxBytes?: number;
  /** Rotated files kept next to it: jigai.log.1 (newest) … jigai.log.N. */
  keep?: number;
  now?: () => Date;
}

const DEFAULT_MAX_LOG_BYTES = 5 * 1024 * 1024;
const DEFAULT_KEPT_LOGS = 5;

/**
 * Appends one line per entry to a log file, rotating it by size so it never fills the disk. Logging
 * must never be the reason an operation fails: a log that cannot be written (read-only or full
 * disk) is skipped silently; the reviewer is told about the real problem by the operation itself.
 */
export function fileLogger(file: string, options: FileLoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEPT_LOGS);
  const now = options.now ?? (() => new Date());
  let size: number | null = null;

  const rotate = () => {
    fs.rmSync(`${file}.${String(keep)}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (fs.existsSync(`${file}.${String(n)}`)) fs.renameSync(`${file}.${String(n)}`, `${file}.${String(n + 1)}`);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
    size = 0;
  };

  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const line = `${now().toISOString()} [${level}] ${message}${fields ? ` ${safeJson(fields)}` : ''}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size === null) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.appendFileSync(file, line);
      size += bytes;
    } catch {
      size = null;
    }
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Sends every entry to each of `loggers` (e.g. the terminal and the log file). */
export function teeLogger(...loggers: Logger[]): Logger {
  return {
    info: (message, fields) => loggers.forEach((l) => l.info(message, fields)),
    warn: (message, fields) => loggers.forEach((l) => l.warn(message, fields)),
    error: (message, fields) => loggers.forEach((l) => l.error(message, fields)),
  };
}

function safeJson(fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields);
  } catch {
    return String(fields);
  }
}
