import { expect } from 'chai';
import { readHostConfig } from './config.js';

describe('readHostConfig', () => {
  it('has a default for every setting', () => {
    const config = readHostConfig({}, '/nowhere/app');
    expect(config).to.deep.include({
      nodeEnv: 'development',
      host: '127.0.0.1',
      trustProxy: 'loopback',
      viewCache: false,
      staticMaxAge: 0,
      processJobs: true,
      jobsProcessEveryMs: 1000,
      migrateOnStart: true,
      shutdownDelayMs: 0,
      platformDomain: 'localhost',
    });
    expect(config.log).to.deep.equal({ level: 'info', pretty: undefined, sync: false });
    for (const key of [
      'port',
      'databaseUrl',
      'dataDir',
      'hookTimeoutMs',
      'sentryDsn',
      'redisUrl',
      'jwtSecret',
      'demo',
      'demoPassword',
    ] as const) {
      expect(config[key], key).to.equal(undefined);
    }
    expect(config.pluginPaths).to.deep.equal([]);
  });

  it('reads each variable into a typed setting', () => {
    const config = readHostConfig(
      {
        NODE_ENV: 'production',
        PORT: '8080',
        HOST: '0.0.0.0',
        WIZAMART_TRUST_PROXY: '1',
        DATABASE_URL: 'postgres://db/shop',
        WIZAMART_DATA_DIR: 'memory://',
        WIZAMART_APP_DIR: '/srv/shop',
        WIZAMART_PLUGIN_PATHS: '/opt/plugins',
        LOG_LEVEL: 'debug',
        LOG_PRETTY: 'false',
        LOG_SYNC: 'true',
        WIZAMART_JOBS: 'off',
        WIZAMART_JOBS_PROCESS_EVERY_MS: '250',
        WIZAMART_MIGRATE_ON_START: 'false',
        WIZAMART_HOOK_TIMEOUT_MS: '2000',
        WIZAMART_SHUTDOWN_DELAY_MS: '9000',
        SENTRY_DSN: 'https://k@sentry.example/1',
        REDIS_URL: 'redis://cache',
        WIZAMART_JWT_SECRET: 's3cret',
        WIZAMART_PLATFORM_DOMAIN: 'Shop.Example',
        WIZAMART_DEMO: 'false',
        WIZAMART_DEMO_PASSWORD: 'pw',
      },
      '/tmp',
    );
    expect(config).to.deep.include({
      nodeEnv: 'production',
      port: '8080',
      host: '0.0.0.0',
      trustProxy: '1',
      viewCache: true,
      staticMaxAge: '7d',
      databaseUrl: 'postgres://db/shop',
      dataDir: 'memory://',
      appDir: '/srv/shop',
      processJobs: false,
      jobsProcessEveryMs: 250,
      migrateOnStart: false,
      hookTimeoutMs: 2000,
      shutdownDelayMs: 4000,
      sentryDsn: 'https://k@sentry.example/1',
      redisUrl: 'redis://cache',
      jwtSecret: 's3cret',
      platformDomain: 'shop.example',
      demo: false,
      demoPassword: 'pw',
    });
    expect(config.log).to.deep.equal({ level: 'debug', pretty: false, sync: true });
    expect(config.pluginPaths).to.deep.equal(['/opt/plugins']);
  });

  it('keeps a frozen copy of the environment for plugin config', () => {
    const env: NodeJS.ProcessEnv = { WIZAMART_CATALOG_PAGE_SIZE: '12' };
    const config = readHostConfig(env, '/tmp');
    env.WIZAMART_CATALOG_PAGE_SIZE = '99';
    expect(config.env.WIZAMART_CATALOG_PAGE_SIZE).to.equal('12');
    expect(Object.isFrozen(config) && Object.isFrozen(config.env)).to.equal(true);
  });
});
