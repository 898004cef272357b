import { pino, type Logger } from 'pino';
import type { LogSettings } from './config.js';

/**
 * The host logger: pino JSON lines, pretty-printed when stdout is a terminal (or `LOG_PRETTY=true`), level from
 * `LOG_LEVEL` (default info). JSON goes through a 4 KB buffer written asynchronously — one syscall per line cost a
 * third of the request throughput — and pino flushes it on exit; `LOG_SYNC=true` writes every line at once.
 */
export function createLogger(settings: LogSettings, stream: NodeJS.WriteStream = process.stdout): Logger {
  const { level, sync } = settings;
  const pretty = settings.pretty ?? Boolean(stream.isTTY);
  if (pretty) {
    return pino({
      level,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
      },
    });
  }
  return pino(
    { level, base: { service: 'wizamart' } },
    pino.destination({ dest: (stream as { fd?: number }).fd ?? 1, sync, minLength: sync ? 0 : 4096 }),
  );
}
