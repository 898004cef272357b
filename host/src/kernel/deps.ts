import type { DepsSpec, OptionalDep, PluginServices, ServiceToken, TokenReference } from '@wizamart/plugin-sdk';

function isOptional(entry: ServiceToken<unknown> | OptionalDep<unknown>): entry is OptionalDep<unknown> {
  return (entry as OptionalDep<unknown>).kind === 'optional';
}

/** Loads a lazy token reference; a package that is not installed (an absent optional plugin) gives `undefined`. */
async function loadToken(reference: TokenReference<unknown>): Promise<ServiceToken<unknown> | undefined> {
  if (typeof reference !== 'function') return reference;
  try {
    return await reference();
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * Resolves a plugin's `definePlugin({ deps })` through its `ctx.services` before `register` runs. A required token
 * must be available now (`WZ_SERVICE_NOT_PROVIDED` otherwise); an optional one is checked against the manifest now
 * (`WZ_PLUGIN_UNDECLARED_DEP`) and read on each access, so it turns `undefined` if its owner fails later (migrations),
 * as `ctx.services.getOptional` does.
 */
export async function resolveDeps(
  spec: DepsSpec | undefined,
  services: PluginServices,
): Promise<Record<string, unknown>> {
  const deps: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(spec ?? {})) {
    if (!isOptional(entry)) {
      deps[name] = services.get(entry as ServiceToken<unknown>);
      continue;
    }
    const token = await loadToken(entry.token);
    if (token) services.getOptional(token);
    const read = () => (token ? services.getOptional(token) : undefined);
    Object.defineProperty(deps, name, { enumerable: true, get: read });
  }
  return Object.freeze(deps);
}
