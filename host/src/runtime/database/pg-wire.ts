/**
 * The few pieces of the PostgreSQL wire protocol (v3) the embedded database's socket front needs: cutting the client's
 * byte stream into messages, and following PGlite's answers to learn the session's transaction status.
 */

/** Version 3.0 in a StartupMessage. */
export const PROTOCOL_3 = 196608;
/** Request codes sent in place of a protocol version before startup. */
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;

/** Message types the front looks at. */
export const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'

/** The transaction status in ReadyForQuery: idle, in a transaction block, or in a failed one. */
export type TransactionStatus = 'I' | 'T' | 'E';

/**
 * Length of the complete message at the front of `buffer`, 0 while it is incomplete, -1 when the length field is
 * impossible. Before startup messages have no type byte (`typed` false).
 */
export function frameLength(buffer: Buffer, typed: boolean): number {
  const header = typed ? 1 : 0;
  if (buffer.length < header + 4) return 0;
  const length = buffer.readInt32BE(header);
  if (length < 4) return -1;
  return buffer.length >= header + length ? header + length : 0;
}

/** The code after the length of an untyped (pre-startup) message: a protocol version or a request code. */
export function startupCode(message: Buffer): number {
  return message.length >= 8 ? message.readInt32BE(4) : -1;
}

/** A simple-protocol Query message. */
export function queryMessage(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message[0] = 0x51; // 'Q'
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/** A Sync message: ends an extended-protocol sequence (and the error skip mode one leaves behind). */
export const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/**
 * Follows a stream of backend messages split at arbitrary points and keeps the status of the last ReadyForQuery.
 * `status` stays undefined while the stream has none: the backend still expects more of the sequence (an
 * extended-protocol run without its Sync yet), so the session is not free.
 */
export class ReadyForQueryTracker {
  status: TransactionStatus | undefined;
  private readonly header = Buffer.alloc(5);
  private headerFilled = 0;
  private bodyLeft = 0;

  feed(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const isStatusByte = this.header[0] === READY_FOR_QUERY && this.bodyLeft === this.header.readInt32BE(1) - 4;
        if (isStatusByte) this.status = String.fromCharCode(chunk[at]) as TransactionStatus;
        const step = Math.min(this.bodyLeft, chunk.length - at);
        at += step;
        this.bodyLeft -= step;
        continue;
      }
      this.header[this.headerFilled++] = chunk[at++];
      if (this.headerFilled === 5) {
        this.headerFilled = 0;
        this.bodyLeft = this.header.readInt32BE(1) - 4;
      }
    }
  }
}
