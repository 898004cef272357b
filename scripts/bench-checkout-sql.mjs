// Preloaded into bench-checkout's host child (`node --import`): counts the SQL statements the host sends through pg
// (every `Client#query`, so BEGIN, COMMIT and savepoints count too: each is a round trip). It answers on
// 127.0.0.1:$BENCH_SQL_PORT: `GET /count` → `{ count }`; `POST /trace` starts keeping the statements' texts;
// `GET /take` → `{ count, texts }` with the texts kept since the trace began (and stops keeping them).
import http from 'node:http';
import pg from 'pg';

let count = 0;
let texts;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  count += 1;
  if (texts) texts.push(typeof config === 'string' ? config : (config?.text ?? '?'));
  return query.call(this, config, ...rest);
};

const server = http.createServer((req, res) => {
  let body = { count };
  if (req.url === '/trace') texts = [];
  else if (req.url === '/take') {
    body = { count, texts: texts ?? [] };
    texts = undefined;
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
});
server.listen(Number(process.env.BENCH_SQL_PORT), '127.0.0.1');
// Never keeps the host alive on its own.
server.unref();
