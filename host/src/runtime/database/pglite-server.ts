import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import {
  frameLength,
  GSSENC_REQUEST,
  PROTOCOL_3,
  queryMessage,
  ReadyForQueryTracker,
  SSL_REQUEST,
  startupCode,
  SYNC,
  TERMINATE,
  type TransactionStatus,
} from './pg-wire.js';
import { SessionLock } from './session-lock.js';

/** Where the embedded database reports what an operator should know (a pino logger fits). */
export interface EmbeddedLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface PgliteServerOptions {
  /** Connections beyond this are closed at once (the pool sees "Connection terminated unexpectedly"). */
  maxConnections: number;
  /**
   * A connection that owns the session (in a transaction, or part-way through an extended-protocol sequence) and
   * sends nothing for this long is closed and its work rolled back; 0 turns the guard off.
   */
  idleInTransactionMs: number;
  log: EmbeddedLog;
}

interface Shared extends PgliteServerOptions {
  db: PGlite;
  lock: SessionLock;
}

/**
 * A PostgreSQL wire-protocol front for PGlite on 127.0.0.1, so pg and knex pools work unchanged.
 *
 * PGlite is one backend session shared by every connection, so a connection must own it from its first message until
 * PGlite reports the session idle again (ReadyForQuery 'I'): across an extended-protocol sequence up to its Sync and
 * across a whole transaction. Otherwise another connection's Parse/Bind lands in between and replaces the unnamed
 * statement or portal (results handed to the wrong query, `portal "" does not exist`). Ownership is a FIFO lock, so
 * transactions run one after another and no connection waits behind later arrivals.
 */
export class PgliteServer {
  private readonly shared: Shared;
  private readonly connections = new Set<Connection>();
  private server: Server | undefined;
  private stopping = false;

  constructor(db: PGlite, options: PgliteServerOptions) {
    this.shared = { ...options, db, lock: new SessionLock() };
  }

  /** Listens on a free port of 127.0.0.1; resolves to `host:port`. */
  listen(): Promise<string> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`));
    });
  }

  /** Closes every connection (rolling back what each left open) and stops listening. */
  async stop(): Promise<void> {
    this.stopping = true;
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    for (const connection of this.connections) connection.close();
    await Promise.all([...this.connections].map((connection) => connection.finished));
    await closed;
  }

  private accept(socket: Socket): void {
    socket.on('error', () => {});
    if (this.stopping || this.connections.size >= this.shared.maxConnections) {
      if (!this.stopping) {
        this.shared.log.warn(
          { maxConnections: this.shared.maxConnections },
          `embedded database: refused a connection, all ${this.shared.maxConnections} are in use (pool sizes add up to more than the limit, or a client leaks connections)`,
        );
      }
      // A clean end rather than a reset: the client reads "Connection terminated unexpectedly", as before.
      socket.resume();
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    const connection = new Connection(socket, this.shared);
    this.connections.add(connection);
    void connection.finished.then(() => this.connections.delete(connection));
  }
}

/** One client connection: its messages in arrival order, one batch at a time, while it owns the session. */
class Connection {
  readonly finished: Promise<void>;
  private finish!: () => void;
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private owner = false;
  private running = false;
  private closed = false;
  private settled = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly shared: Shared,
  ) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => {
      this.closed = true;
      void this.settle();
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    clearTimeout(this.idleTimer);
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (!this.started && !this.answerBeforeStartup()) return;
    void this.drain();
  }

  /**
   * Answers what precedes the StartupMessage without PGlite; false when the connection ends here. Anything but
   * protocol 3.0 is refused: PGlite exits on a startup packet it cannot parse, which would take the database down.
   */
  private answerBeforeStartup(): boolean {
    for (;;) {
      const length = frameLength(this.buffer, false);
      if (length === 0) return true;
      const code = length > 0 ? startupCode(this.buffer) : -1;
      if (code === PROTOCOL_3) return true;
      if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) {
        // A CancelRequest lands here too: PGlite runs one query at a time to its end, there is nothing to cancel.
        this.socket.end();
        return false;
      }
      this.socket.write('N');
      this.buffer = this.buffer.subarray(length);
    }
  }

  /** Runs complete messages until none is left; only one drain runs per connection, which keeps them in order. */
  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closed && this.hasMessage()) {
        if (!this.owner) {
          await this.shared.lock.acquire();
          this.owner = true;
          if (this.closed) {
            // Gone while waiting: it left nothing in the session to undo.
            this.releaseSession();
            break;
          }
        }
        const { message, terminate } = this.takeBatch();
        if (message.length > 0 && (await this.execute(message, true)) === 'I') this.releaseSession();
        if (terminate) {
          this.closed = true;
          this.socket.end();
        }
      }
    } catch (error) {
      // The wire state is unknown after PGlite itself failed: drop the client; settle() undoes its work.
      this.shared.log.error({ err: error }, 'embedded database: PGlite failed on a request; closed that connection');
      this.closed = true;
      this.socket.destroy();
    } finally {
      this.running = false;
    }
    if (this.closed) await this.settle();
    else this.guardIdleSession();
  }

  private hasMessage(): boolean {
    const length = frameLength(this.buffer, this.started);
    if (length < 0) this.socket.destroy();
    return length > 0;
  }

  /**
   * The StartupMessage alone (PGlite recognises it only at the start of its input), else every complete message
   * up to a Terminate. Sending a client's pipelined messages to PGlite together saves a round trip per message.
   */
  private takeBatch(): { message: Buffer; terminate: boolean } {
    if (!this.started) {
      this.started = true;
      return { message: this.take(frameLength(this.buffer, false)), terminate: false };
    }
    let end = 0;
    let terminate = false;
    for (
      let length = frameLength(this.buffer, true);
      length > 0;
      length = frameLength(this.buffer.subarray(end), true)
    ) {
      if (this.buffer[end] === TERMINATE) {
        terminate = true;
        break;
      }
      end += length;
    }
    const message = this.take(end);
    if (terminate) this.buffer = Buffer.alloc(0);
    return { message, terminate };
  }

  private take(length: number): Buffer {
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return message;
  }

  /** Runs `message` on PGlite; the status of the last ReadyForQuery, undefined when the sequence is unfinished. */
  private async execute(message: Buffer, reply: boolean): Promise<TransactionStatus | undefined> {
    const { db } = this.shared;
    const tracker = new ReadyForQueryTracker();
    await db.runExclusive(() =>
      db.execProtocolRawStream(message, {
        onRawData: (data) => {
          tracker.feed(data);
          // PGlite reuses its output buffer, hence the copy.
          if (reply && !this.socket.destroyed) this.socket.write(Buffer.from(data));
        },
      }),
    );
    return tracker.status;
  }

  private releaseSession(): void {
    this.owner = false;
    this.shared.lock.release();
  }

  /**
   * One client idling while it owns the session stops every other connection; after `idleInTransactionMs` it is
   * closed (its transaction rolled back), as `idle_in_transaction_session_timeout` does on a server.
   */
  private guardIdleSession(): void {
    const { idleInTransactionMs, log } = this.shared;
    if (!this.owner || idleInTransactionMs <= 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      log.warn(
        { idleInTransactionMs, waiting: this.shared.lock.queued },
        `embedded database: a connection stayed idle inside a transaction for ${idleInTransactionMs / 1000} s while holding the database; closed it and rolled its transaction back (often a query made outside the transaction object inside a transaction, which waits for it forever)`,
      );
      this.socket.destroy();
    }, idleInTransactionMs);
    this.idleTimer.unref();
  }

  /** Once closed and idle: undo what the client left open and free the session. Runs once. */
  private async settle(): Promise<void> {
    if (this.running || this.settled) return;
    this.settled = true;
    clearTimeout(this.idleTimer);
    try {
      if (this.owner) await this.abandonSession();
    } catch (error) {
      this.shared.log.error({ err: error }, 'embedded database: could not roll back the work of a closed connection');
    } finally {
      if (this.owner) this.releaseSession();
      this.finish();
    }
  }

  /**
   * The client left while owning the session: roll back its transaction or unfinished extended-protocol sequence,
   * as a server backend does when its client goes away. A simple-protocol ROLLBACK ends both and drops the unnamed
   * statement; after an error the backend ignores everything up to a Sync, so then it takes Sync and ROLLBACK.
   */
  private async abandonSession(): Promise<void> {
    let status = await this.execute(queryMessage('ROLLBACK'), false);
    if (status === undefined) {
      status = await this.execute(SYNC, false);
      if (status !== 'I') status = await this.execute(queryMessage('ROLLBACK'), false);
    }
    if (status !== 'I')
      this.shared.log.error(
        { status },
        'embedded database: a closed connection left the session in an unexpected state',
      );
  }
}
