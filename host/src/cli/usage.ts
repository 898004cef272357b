import { WizamartError } from '@wizamart/plugin-sdk';

/** The `wizamart` help text. */
export const USAGE = `Usage: wizamart <command> [options]

Commands:
  start [--port N] [--host H]        run the host
  plugins list [--json]              installed plugins, their state and errors (no database needed)
  plugins graph [--format F]         dependency graph as mermaid (default), dot or json

Options:
  -h, --help                         show this help
  -v, --version                      print the host version
`;

/** A usage error: printed with the help text, exit status 2. */
export function usageError(message: string): WizamartError {
  return new WizamartError('WZ_CLI_USAGE', message, { status: 2 });
}
