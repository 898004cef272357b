import { pino, type Logger } from 'pino';

/**
 * The host logger: pino JSON lines, pretty-printed when stdout is a terminal (or `LOG_PRETTY=true`), level from
 * `LOG_LEVEL` (default info). JSON goes through a 4 KB buffer written asynchronously — one syscall per line cost a
 * third of the request throughput — and pino flushes it on exit; `LOG_SYNC=true` writes every line at once.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stdout): Logger {
  const level = env.LOG_LEVEL ?? 'info';
  const pretty = env.LOG_PRETTY ? env.LOG_PRETTY === 'true' : Boolean(stream.isTTY);
  if (pretty) {
    return pino({ level, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } });
  }
  const sync = env.LOG_SYNC === 'true';
  return pino({ level, base: { service: 'wizamart' } }, pino.destination({ dest: (stream as { fd?: number }).fd ?? 1, sync, minLength: sync ? 0 : 4096 }));
}
