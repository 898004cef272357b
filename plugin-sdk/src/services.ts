/**
 * A typed reference to a service a plugin exports. The owning plugin `provide`s it; plugins that declare the
 * owner in `requires` or `optionalRequires` can `get` it.
 */
export interface ServiceToken<T> {
  /** Code of the plugin that owns and provides the service. */
  readonly plugin: string;
  /** Name of the service within that plugin. */
  readonly name: string;
  /** `<plugin>:<name>`, the identity used by the host (copies of a token compare equal). */
  readonly id: string;
  /** Phantom member carrying the service type; never set at run time. */
  readonly __type?: T;
}

/**
 * Declares a service token owned by `plugin`. Put tokens in the plugin's public `index.ts` so other plugins can
 * import them.
 *
 * @example
 * ```ts
 * export const CatalogServices = {
 *   products: defineServiceToken<ProductDirectory>('catalog', 'products'),
 * } as const;
 * ```
 */
export function defineServiceToken<T>(plugin: string, name: string): ServiceToken<T> {
  return Object.freeze({ plugin, name, id: `${plugin}:${name}` }) as ServiceToken<T>;
}

/** `ctx.services`: export services to dependents and use those of declared dependencies. */
export interface PluginServices {
  /** Exports `value` under `token`; the token must belong to the calling plugin. */
  provide<T>(token: ServiceToken<T>, value: T): void;
  /**
   * Returns the service behind `token`. Throws `WZ_PLUGIN_UNDECLARED_DEP` when the owner is not declared in
   * `requires`/`optionalRequires`, `WZ_SERVICE_NOT_PROVIDED` when the owner is absent or did not provide it.
   */
  get<T>(token: ServiceToken<T>): T;
  /**
   * Like {@link PluginServices.get} but returns `undefined` when the owner is absent, not loaded or did not provide
   * the service; still throws `WZ_PLUGIN_UNDECLARED_DEP` for an owner the manifest does not declare.
   */
  getOptional<T>(token: ServiceToken<T>): T | undefined;
}

/**
 * A service token, or a function that loads one (for an optional dependency whose package may be absent:
 * `() => import('@wizamart/plugin-inventory/tokens').then((m) => m.InventoryServices.stock)`).
 */
export type TokenReference<T> = ServiceToken<T> | (() => Promise<ServiceToken<T>>);

/** An optional entry of `definePlugin({ deps })`, made with {@link optional}. */
export interface OptionalDep<T> {
  /** Marks the entry as optional. */
  readonly kind: 'optional';
  /** The token, or a function loading it; a load that fails because the package is not installed means absent. */
  readonly token: TokenReference<T>;
}

/** The `deps` of `definePlugin`: names mapped to required tokens or {@link optional} ones. */
export type DepsSpec = Readonly<Record<string, ServiceToken<any> | OptionalDep<any>>>;

/**
 * The services the host hands to `register(ctx, deps)`: a required token gives `T`, an optional one `T | undefined`
 * (read it on use; it turns `undefined` when its owner fails after this plugin registered).
 */
export type ResolvedDeps<D extends DepsSpec> = {
  readonly [K in keyof D]: D[K] extends OptionalDep<infer T>
    ? T | undefined
    : D[K] extends ServiceToken<infer T>
      ? T
      : never;
};

/**
 * Declares an optional dependency in `definePlugin({ deps })`: the service comes as `undefined` when its owner is
 * not installed, did not load, or did not provide it. The owner must be listed in `optionalRequires`. Pass a function
 * loading the token when the owner's package may be absent from an install.
 *
 * @example
 * ```ts
 * deps: {
 *   stock: optional(() => import('@wizamart/plugin-inventory/tokens').then((m) => m.InventoryServices.stock)),
 * }
 * ```
 */
export function optional<T>(token: TokenReference<T>): OptionalDep<T> {
  return Object.freeze({ kind: 'optional', token });
}
