import type { Knex } from 'knex';

/** A knex bound to one Postgres schema, as plugins get it through `ctx.db`. */
export type SchemaKnex = Knex & {
  /** The schema every table name is resolved in. */
  readonly schemaName: string;
  /** `qualify('orders')` → `"orders"."orders"`-ready `orders.orders`, for raw SQL. */
  qualify(table: string): string;
};

/** The Postgres schema of a plugin: its code with `-` as `_`. */
export function schemaOf(code: string): string {
  return code.replace(/-/g, '_');
}

type TableArg = string | Record<string, string | Knex.QueryBuilder> | undefined;

/**
 * Wraps `knex` so that `db('orders')`, `db.schema…`, joins and transactions all work inside `schema`. A proxy rather
 * than `SET search_path`: the embedded database has one session shared by every connection, so per-connection state
 * would leak between plugins.
 */
export function bindSchema(knex: Knex | Knex.Transaction, schema: string): SchemaKnex {
  const qualify = (table: string) => `${schema}.${table}`;
  const builder = (table?: TableArg, options?: Record<string, unknown>) => {
    const query = knex.queryBuilder().withSchema(schema);
    return table === undefined ? query : query.table(table as string, options as never);
  };
  return new Proxy(knex, {
    apply(_target, _this, args: [TableArg, Record<string, unknown>?]) {
      return builder(args[0], args[1]);
    },
    get(target, property, receiver) {
      switch (property) {
        case 'schemaName':
          return schema;
        case 'qualify':
          return qualify;
        case 'queryBuilder':
          return () => builder();
        case 'schema':
          return target.schema.withSchema(schema);
        case 'table':
        case 'from':
        case 'into':
          return (table: TableArg) => builder(table);
        case 'transaction':
          return bindTransaction(target, schema);
        case 'batchInsert':
          return (table: string, rows: readonly Record<string, unknown>[], chunkSize?: number) =>
            target.batchInsert(qualify(table), rows as never, chunkSize);
        default: {
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  }) as SchemaKnex;
}

type TransactionCallback = (trx: Knex.Transaction) => void | Promise<unknown>;

/** `transaction()` whose transaction object is bound to the same schema, with or without a callback. */
function bindTransaction(knex: Knex | Knex.Transaction, schema: string) {
  return (callbackOrConfig?: TransactionCallback | Knex.TransactionConfig, config?: Knex.TransactionConfig) => {
    if (typeof callbackOrConfig === 'function') {
      return knex.transaction(
        (trx) => callbackOrConfig(bindSchema(trx, schema) as unknown as Knex.Transaction),
        config,
      );
    }
    return (knex.transaction(callbackOrConfig) as Promise<Knex.Transaction>).then((trx) => bindSchema(trx, schema));
  };
}
