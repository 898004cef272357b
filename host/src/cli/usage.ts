import { hostErrors, type WizamartError } from '@wizamart/plugin-sdk';

/** The `wizamart` help text. */
export const USAGE = `Usage: wizamart <command> [options]

Commands:
  start [--port N] [--host H]        run the host (HTTP and jobs); port 0 picks a free port
  worker                             process jobs without HTTP
  migrate status [--json]            every plugin migration and whether it is applied
  migrate up [--plugin P] [--json]   apply pending migrations (of P and what P requires)
  migrate down --plugin P [--to M | --all] [--json]
                                     roll back P's last migration, those after M, or all
  seed <set>                         run the plugins' data seeds of <set> (e.g. demo); idempotent
  <command> …                        a command added by a plugin (e.g. create-admin)
  routes [--json]                    the request pipeline stages in order and every route with its guard
  plugins list [--json]              installed plugins, their state and errors (no database needed)
  plugins graph [--format F]         dependency graph as mermaid (default), dot or json
  plugins enable|disable <code> --platform P [--dry-run] [--release] [--json]
                                     turn a plugin on or off on platform P with what it
                                     requires / what requires it; prints the plan

Environment:
  DATABASE_URL                       PostgreSQL server; without it an embedded database runs in-process
  WIZAMART_DATA_DIR                  embedded database folder (default .wizamart/)
  WIZAMART_MIGRATE_ON_START=false    start without applying migrations (run "migrate up" yourself)
  WIZAMART_JOBS=false                serve HTTP without processing jobs (leave them to "worker")
  PORT, HOST, LOG_LEVEL, SENTRY_DSN

Options:
  -h, --help                         show this help
  -v, --version                      print the host version
`;

/** A usage error: printed with the help text, exit status 2. */
export function usageError(message: string): WizamartError {
  return hostErrors.WZ_CLI_USAGE({ problem: message }, { details: {} });
}
