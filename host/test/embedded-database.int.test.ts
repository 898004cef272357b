import { statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { expect } from 'chai';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import {
  EMBEDDED_TEMPLATE,
  startEmbeddedPostgres,
  type EmbeddedLog,
  type EmbeddedPostgres,
} from '../src/runtime/database/embedded.js';
import { CANCEL_REQUEST, PROTOCOL_3, SSL_REQUEST } from '../src/runtime/database/pg-wire.js';
import { PgliteServer } from '../src/runtime/database/pglite-server.js';
import { eventually, ON_SERVER, runtimeFixture } from './runtime-helpers.js';

// Everything here is about the embedded database's own socket front (host/src/runtime/database/pglite-server.ts);
// on a PostgreSQL server there is nothing of it to test.
const embeddedOnly = ON_SERVER ? describe.skip : describe;

/** Collects what the embedded database reports to the operator. */
function recordingLog(): EmbeddedLog & { warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  return {
    warnings,
    errors,
    warn: (_details, text) => warnings.push(text),
    error: (_details, text) => errors.push(text),
  };
}

async function connect(db: EmbeddedPostgres, count: number): Promise<pg.Client[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      return client;
    }),
  );
}

async function query<T = Record<string, unknown>>(
  db: EmbeddedPostgres,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const [client] = await connect(db, 1);
  try {
    return (await within(5000, client.query(sql, values), sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `work`, or a rejection once it takes longer than `ms`: a stall fails the test instead of hanging it. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`stalled: ${what} did not finish within ${ms} ms`)), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Cuts the client's socket without a Terminate, as a crashed process or a lost network would. */
function cut(client: pg.Client): void {
  client.on('error', () => {});
  (client as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
}

const int16 = (value: number) => Buffer.from([value >> 8, value & 0xff]);
const int32 = (value: number) => Buffer.from([value >>> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);

/** A typed wire-protocol message; string parts are NUL-terminated. */
function message(type: string, ...parts: Array<string | Buffer>): Buffer {
  const body = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(`${part}\0`) : part)));
  return Buffer.concat([Buffer.from(type, 'latin1'), int32(4 + body.length), body]);
}

/** Parse, Bind and Execute of `sql` in the unnamed statement and portal, without the Sync that would finish them. */
const unsynced = (sql: string) =>
  Buffer.concat([
    message('P', '', sql, int16(0)),
    message('B', '', '', int16(0), int16(0), int16(0)),
    message('E', '', int32(0)),
  ]);

/** A bare socket speaking the protocol by hand, for what pg never sends: unfinished sequences, odd requests. */
class RawClient {
  received = Buffer.alloc(0);
  closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => (this.received = Buffer.concat([this.received, chunk])));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => {});
  }

  static async open(db: EmbeddedPostgres): Promise<RawClient> {
    const { hostname, port } = new URL(db.url);
    const socket = net.connect(Number(port), hostname);
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new RawClient(socket);
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  startup(version = PROTOCOL_3): Buffer {
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    return Buffer.concat([int32(8 + params.length), int32(version), params]);
  }

  /** Waits until a message of `type` has arrived (searching from the start of what was received). */
  async waitFor(type: string): Promise<void> {
    await eventually(async () => (this.types().includes(type) ? true : undefined), 5000, `a "${type}" message`);
  }

  types(): string[] {
    const types: string[] = [];
    for (let at = 0; at + 5 <= this.received.length; at += 1 + this.received.readInt32BE(at + 1))
      types.push(String.fromCharCode(this.received[at]));
    return types;
  }

  async waitClosed(): Promise<void> {
    await eventually(async () => (this.closed ? true : undefined), 5000, 'the server to close the connection');
  }

  destroy(): void {
    this.socket.destroy();
  }
}

embeddedOnly('the embedded database under concurrency', function () {
  this.timeout(90_000);
  let db: EmbeddedPostgres;
  let log: ReturnType<typeof recordingLog>;
  before(async () => {
    log = recordingLog();
    db = await startEmbeddedPostgres({ dataDir: 'memory://', maxConnections: 60, idleInTransactionMs: 2000, log });
    await query(db, 'create table counter (id int primary key, n int not null check (n <= 40))');
    await query(db, 'insert into counter values (1, 0)');
    await query(db, 'create table notes (id serial primary key, body text not null)');
  });
  after(async () => db?.stop());
  beforeEach(async () => query(db, 'delete from notes'));

  it('hands each of 32 clients its own results over 200 interleaved parameterised queries, some in transactions', async () => {
    const clients = await connect(db, 32);
    const misdelivered: string[] = [];
    const run = clients.map(async (client, c) => {
      for (let i = 0; i < 200; i++) {
        const inTransaction = c % 2 === 0 && i % 4 === 0;
        if (inTransaction) await client.query('begin');
        // SQL differs per client: a Bind landing on another client's Parse would answer with that client's `c`.
        const { rows } = await client.query(`select $1::int as v, ${c}::int as c`, [c * 1000 + i]);
        if (inTransaction) await client.query('commit');
        if (rows[0]?.v !== c * 1000 + i || rows[0]?.c !== c)
          misdelivered.push(`client ${c} query ${i}: ${JSON.stringify(rows)}`);
      }
    });
    try {
      await within(45_000, Promise.all(run), '6400 queries');
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    expect(misdelivered).to.deep.equal([]);
  });

  it('serialises 50 concurrent read-then-write transactions on one row: no lost update, the CHECK refuses the 41st', async () => {
    const clients = await connect(db, 50);
    const increment = async (client: pg.Client): Promise<number | string> => {
      await client.query('begin');
      try {
        const { rows } = await client.query('select n from counter where id = $1', [1]);
        const updated = await client.query('update counter set n = $1 where id = $2 returning n', [rows[0].n + 1, 1]);
        await client.query('commit');
        return updated.rows[0].n;
      } catch (error) {
        await client.query('rollback');
        return (error as { code?: string }).code ?? String(error);
      }
    };
    let results: Array<number | string>;
    try {
      results = await within(30_000, Promise.all(clients.map(increment)), '50 transactions');
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    expect(results.filter((result) => typeof result === 'number').sort((a, b) => Number(a) - Number(b))).to.deep.equal(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(results.filter((result) => typeof result !== 'number')).to.deep.equal(
      Array.from({ length: 10 }, () => '23514'),
    );
    expect(await query(db, 'select n from counter')).to.deep.equal([{ n: 40 }]);
  });

  it('rolls back the transaction of a client that leaves (Terminate or cut socket) and serves the next one at once', async () => {
    const [leaver, cutOff, waiting] = await connect(db, 3);
    await leaver.query('begin');
    await leaver.query('insert into notes (body) values ($1)', ['left']);
    const queued = waiting.query('select count(*)::int as n from notes');
    await leaver.end();
    expect((await within(2000, queued, 'the waiting client')).rows).to.deep.equal([{ n: 0 }]);
    await cutOff.query('begin');
    await cutOff.query('insert into notes (body) values ($1)', ['cut']);
    cut(cutOff);
    expect((await within(1000, waiting.query('select body from notes'), 'the next client')).rows).to.deep.equal([]);
    await waiting.query('insert into notes (body) values ($1)', ['kept']);
    await waiting.end();
    expect(await query(db, 'select body from notes')).to.deep.equal([{ body: 'kept' }]);
  });

  it('undoes an extended-protocol sequence its client left unfinished, with or without an error in it', async () => {
    const unfinished = await RawClient.open(db);
    unfinished.send(unfinished.startup());
    await unfinished.waitFor('Z');
    unfinished.send(unsynced("insert into notes (body) values ('no sync')"));
    await unfinished.waitFor('C');
    unfinished.destroy();
    const failed = await RawClient.open(db);
    failed.send(failed.startup());
    await failed.waitFor('Z');
    failed.send(
      Buffer.concat([
        message('Q', 'begin'),
        unsynced("insert into notes (body) values ('in a block')"),
        unsynced('select * from no_such_table'),
      ]),
    );
    await failed.waitFor('E');
    failed.destroy();
    expect(await query(db, 'select body from notes')).to.deep.equal([]);
    expect(await query(db, 'select $1::text as fine', ['yes'])).to.deep.equal([{ fine: 'yes' }]);
  });

  it("keeps every other client going while one client's queries fail, in and out of transactions", async () => {
    const clients = await connect(db, 8);
    const wrong: string[] = [];
    const run = clients.map(async (client, c) => {
      for (let i = 0; i < 40; i++) {
        if (c === 0) {
          const failure = await client.query('select 1 / $1::int', [0]).catch((error: { code: string }) => error.code);
          if (failure !== '22012') wrong.push(`division: ${JSON.stringify(failure)}`);
          await client.query('begin');
          const inBlock = await client
            .query('select * from no_such_table')
            .catch((error: { code: string }) => error.code);
          if (inBlock !== '42P01') wrong.push(`missing table: ${JSON.stringify(inBlock)}`);
          await client.query('rollback');
        } else {
          const { rows } = await client.query(`select $1::int + ${c} as v`, [i]);
          if (rows[0].v !== i + c) wrong.push(`client ${c}: ${JSON.stringify(rows)}`);
        }
      }
    });
    try {
      await within(30_000, Promise.all(run), 'the clients next to a failing one');
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    expect(wrong).to.deep.equal([]);
  });

  it('closes a connection idling inside a transaction past the guard, rolls it back and lets the others through', async () => {
    const [idler, other] = await connect(db, 2);
    idler.on('error', () => {});
    await idler.query('begin');
    await idler.query('insert into notes (body) values ($1)', ['idle']);
    const began = Date.now();
    expect(
      (await within(6000, other.query('select count(*)::int as n from notes'), 'the client behind the idler')).rows,
    ).to.deep.equal([{ n: 0 }]);
    expect(Date.now() - began).to.be.within(1500, 5000);
    expect(log.warnings.some((text) => /idle inside a transaction for 2 s/.test(text))).to.equal(true);
    await idler.query('commit').then(
      () => expect.fail('the idler was closed'),
      (error: Error) => expect(error.message).to.match(/terminated|closed|not queryable/i),
    );
    await other.end();
    expect(await query(db, 'select body from notes')).to.deep.equal([]);
  });

  it('answers an SSLRequest with N, closes on a CancelRequest and refuses an unsupported protocol without harm', async () => {
    const ssl = await RawClient.open(db);
    ssl.send(Buffer.concat([int32(8), int32(SSL_REQUEST)]));
    await eventually(async () => (ssl.received.toString('latin1') === 'N' ? true : undefined), 5000, 'N');
    ssl.received = Buffer.alloc(0);
    ssl.send(ssl.startup());
    await ssl.waitFor('Z');
    ssl.destroy();
    const cancel = await RawClient.open(db);
    cancel.send(Buffer.concat([int32(16), int32(CANCEL_REQUEST), int32(1), int32(2)]));
    await cancel.waitClosed();
    // PGlite exits on a startup packet it cannot parse; the front must never pass one on.
    const old = await RawClient.open(db);
    old.send(old.startup(0x00020000));
    await old.waitClosed();
    expect(await query(db, 'select 1 as alive')).to.deep.equal([{ alive: 1 }]);
  });

  it('closes only the connection on which PGlite itself throws, and frees the session for the others', async () => {
    const pglite = await PGlite.create();
    const failLog = recordingLog();
    const server = new PgliteServer(pglite, { maxConnections: 8, idleInTransactionMs: 0, log: failLog });
    const front = { url: `postgres://postgres@${await server.listen()}/postgres` } as EmbeddedPostgres;
    // An internal PGlite failure cannot be provoked through SQL, so one is injected for a marked query.
    const execute = pglite.execProtocolRawStream.bind(pglite);
    pglite.execProtocolRawStream = async (bytes, options) => {
      if (Buffer.from(bytes).includes('pglite-breaks-here')) throw new Error('injected PGlite failure');
      return execute(bytes, options);
    };
    try {
      const [victim, bystander] = await connect(front, 2);
      victim.on('error', () => {});
      await victim.query('begin');
      const broken = victim.query("select 'pglite-breaks-here'").then(
        () => 'answered',
        (error: Error) => error.message,
      );
      const served = bystander.query('select $1::int as n', [7]);
      expect(await within(5000, broken, 'the failing query')).to.match(/terminated/i);
      expect((await within(5000, served, 'the other connection')).rows).to.deep.equal([{ n: 7 }]);
      expect(pglite.isInTransaction(), "the victim's transaction is rolled back").to.equal(false);
      expect(failLog.errors).to.deep.equal(['embedded database: PGlite failed on a request; closed that connection']);
      await bystander.end();
    } finally {
      await server.stop();
      await pglite.close();
    }
  });

  it('refuses connections beyond maxConnections with a warning, and frees the slot when one closes', async () => {
    const limitLog = recordingLog();
    const small = await startEmbeddedPostgres({ dataDir: 'memory://', maxConnections: 3, log: limitLog });
    try {
      const clients = await connect(small, 3);
      const extra = new pg.Client({ connectionString: small.url });
      await extra.connect().then(
        () => expect.fail('a fourth connection was accepted'),
        (error: Error) => expect(error.message).to.equal('Connection terminated unexpectedly'),
      );
      expect(limitLog.warnings).to.have.length(1);
      expect(limitLog.warnings[0]).to.match(/all 3 are in use/);
      await clients[0].end();
      const [again] = await eventually(() => connect(small, 1).catch(() => undefined), 5000, 'a free slot');
      expect((await again.query('select 2 as n')).rows).to.deep.equal([{ n: 2 }]);
      await Promise.all([again, ...clients.slice(1)].map((client) => client.end()));
    } finally {
      await small.stop();
    }
  });
});

embeddedOnly("the embedded database under a host's pools: API requests next to job processing", function () {
  this.timeout(90_000);
  let test: TestHost;
  before(async () => {
    test = await startTestHost({ plugins: [runtimeFixture('tally')], jobsProcessEveryMs: 50 });
  });
  after(async () => test?.stop());

  it('runs 60 API transactions and 30 job transactions at the same time without a stall or a lost update', async () => {
    const queued = await request(test.app).post('/api/v1/admin/tally/jobs').send({ count: 30 }).expect(202);
    expect(queued.body.ids).to.have.length(30);
    const bumps = await within(
      30_000,
      Promise.all(Array.from({ length: 60 }, () => request(test.app).post('/api/v1/admin/tally/bump'))),
      '60 API requests',
    );
    expect(bumps.map((res) => res.status)).to.deep.equal(bumps.map(() => 201));
    const counter = await eventually(
      async () => {
        const { body } = await request(test.app).get('/api/v1/admin/tally/counter').expect(200);
        return body.n === 90 ? body : undefined;
      },
      30_000,
      'every job to run',
    );
    const seen = (counter.bumps as Array<{ seen: number }>).map((bump) => bump.seen).sort((a, b) => a - b);
    expect(seen, 'each transaction saw the one before it').to.deep.equal(Array.from({ length: 90 }, (_, i) => i));
    expect((counter.bumps as Array<{ source: string }>).filter((bump) => bump.source === 'job')).to.have.length(30);
  });
});

embeddedOnly('the embedded database: a fresh in-memory cluster from the kept copy of initdb', () => {
  const query = async (db: EmbeddedPostgres, sql: string) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('gives every start its own empty database, and replaces a copy it cannot load', async () => {
    writeFileSync(EMBEDDED_TEMPLATE, 'not a tarball');
    const first = await startEmbeddedPostgres({ dataDir: 'memory://', maxConnections: 2 });
    try {
      await query(first, 'create table kept (id int)');
      expect(statSync(EMBEDDED_TEMPLATE).size, 'a broken copy is replaced by a real one').to.be.greaterThan(1_000_000);
      const second = await startEmbeddedPostgres({ dataDir: 'memory://', maxConnections: 2 });
      try {
        expect(await query(second, `select count(*)::int as n from pg_tables where tablename = 'kept'`)).to.deep.equal([
          { n: 0 },
        ]);
        await query(second, 'create extension if not exists unaccent');
        expect(await query(second, `select unaccent('Crème') as plain`)).to.deep.equal([{ plain: 'Creme' }]);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
    }
  });
});
