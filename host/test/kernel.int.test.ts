import { expect } from 'chai';
import { fixtureLog, bootFixtures, nodeOf, resetFixtureLog } from './helpers.js';

describe('kernel over fixture plugin packages', () => {
  beforeEach(resetFixtureLog);

  describe('every failure gets its stable code', () => {
    let kernel: Awaited<ReturnType<typeof bootFixtures>>;
    let log: string[];
    before(async () => {
      resetFixtureLog();
      kernel = await bootFixtures('errors');
      log = [...fixtureLog()];
    });

    const expectations: Array<[string, string, RegExp]> = [
      ['bad-manifest', 'WZ_PLUGIN_MANIFEST_INVALID', /\/tier|unknown field "extra"/],
      ['@fx/dup-one', 'WZ_PLUGIN_DUPLICATE_CODE', /"dup" is declared by 2 packages/],
      ['@fx/dup-two', 'WZ_PLUGIN_DUPLICATE_CODE', /@fx\/dup-one.*@fx\/dup-two|@fx\/dup-two.*@fx\/dup-one/],
      ['needs-missing', 'WZ_PLUGIN_MISSING_DEP', /"ghost", which is not installed/],
      ['needs-new-base', 'WZ_PLUGIN_DEP_VERSION', /requires base \^2\.0\.0 but 1\.0\.0 is installed/],
      ['future-host', 'WZ_PLUGIN_HOST_RANGE', /needs @wizamart\/host >=99\.0\.0 but this host is 0\.1\.0/],
      ['cycle-a', 'WZ_PLUGIN_CYCLE', /^Dependency cycle: cycle-a -> cycle-b -> cycle-c -> cycle-a$/],
      ['cycle-b', 'WZ_PLUGIN_CYCLE', /cycle-a -> cycle-b -> cycle-c -> cycle-a/],
      ['cycle-c', 'WZ_PLUGIN_CYCLE', /cycle-a -> cycle-b -> cycle-c -> cycle-a/],
      ['core-on-optional', 'WZ_PLUGIN_TIER', /Core plugin core-on-optional requires non-core base/],
      ['no-entry', 'WZ_PLUGIN_ENTRY', /does not exist/],
      ['bad-export', 'WZ_PLUGIN_ENTRY', /needs a register function/],
      ['import-throws', 'WZ_PLUGIN_ENTRY', /boom at import/],
      ['register-throws', 'WZ_PLUGIN_REGISTER_FAILED', /database of wishes is empty/],
      ['bad-argument', 'WZ_PLUGIN_INVALID_ARGUMENT', /^bad-argument: unknown surface "backstage"$/],
      ['slow-register', 'WZ_PLUGIN_TIMEOUT', /slow-register\.register did not settle within 300 ms/],
      ['start-throws', 'WZ_PLUGIN_START_FAILED', /cannot start/],
      ['bad-config', 'WZ_PLUGIN_CONFIG_INVALID', /WIZAMART_BAD_CONFIG_API_KEY/],
    ];
    for (const [code, errorCode, message] of expectations) {
      it(`${code} → ${errorCode}`, () => {
        const node = nodeOf(kernel, code);
        expect(node.state).to.equal('failed');
        expect(node.error?.code).to.equal(errorCode);
        expect(node.error?.message).to.match(message);
      });
    }

    it('blocks through two levels, naming the failed plugin at the root', () => {
      const one = nodeOf(kernel, 'level-one');
      const two = nodeOf(kernel, 'level-two');
      expect([one.state, two.state]).to.deep.equal(['blocked', 'blocked']);
      expect(one.error).to.include({ code: 'WZ_PLUGIN_BLOCKED' });
      expect(one.error?.details).to.deep.include({ dependency: 'register-throws', root: 'register-throws' });
      expect(two.error?.details).to.deep.include({
        dependency: 'level-one',
        root: 'register-throws',
        rootCode: 'WZ_PLUGIN_REGISTER_FAILED',
      });
      expect(two.error?.message).to.match(/requires level-one, which is blocked because register-throws failed/);
    });

    it('blocks the dependents of a plugin whose start failed and removes what they contributed', () => {
      expect(nodeOf(kernel, 'after-start').state).to.equal('blocked');
      expect(kernel.active.map((p) => p.node.code)).not.to.include('after-start');
    });

    it('keeps going with the healthy plugins and registers nothing of the failed ones', () => {
      expect(nodeOf(kernel, 'base').state).to.equal('ok');
      expect(kernel.active.map((p) => p.node.code)).to.deep.equal(['base']);
      expect(kernel.contributions.menus.map((m) => m.item.id)).not.to.include('ghost-menu');
      expect(log).to.include('base:register');
      expect(log.filter((line) => /level|cycle|dup/.test(line))).to.deep.equal([]);
    });

    it('lists failed plugins after the loadable ones, in a stable order', () => {
      const codes = kernel.plugins.map((p) => p.code);
      expect(codes.indexOf('base')).to.be.lessThan(codes.indexOf('cycle-a'));
      expect(codes.indexOf('level-one')).to.be.lessThan(codes.indexOf('level-two'));
    });
  });

  describe('services follow the declared graph', () => {
    it("lets beta get alpha's service and fails gamma, which did not declare alpha, while the rest load", async () => {
      const kernel = await bootFixtures('basic');
      expect(fixtureLog()).to.include('beta:hello beta from alpha 1.0.0');
      const gamma = nodeOf(kernel, 'gamma');
      expect(gamma.state).to.equal('failed');
      expect(gamma.error?.code).to.equal('WZ_PLUGIN_UNDECLARED_DEP');
      expect(gamma.error?.message).to.match(/gamma asked for service alpha:greeter but does not declare "alpha"/);
      expect(kernel.contributions.menus.map((m) => m.plugin)).to.have.members(['alpha', 'beta']);
      expect(kernel.active.map((p) => p.node.code)).to.deep.equal(['alpha', 'beta', 'plain-js', 'scoped']);
    });

    it('loads a plain JavaScript plugin that never imports the SDK', async () => {
      await bootFixtures('basic');
      expect(fixtureLog()).to.include('plain-js:register:plain-js');
    });

    it('loads a scoped package whose optional dependency is missing, without an error', async () => {
      const kernel = await bootFixtures('basic');
      const scoped = nodeOf(kernel, 'scoped');
      expect(scoped.pkg.packageName).to.equal('@acme/wizamart-scoped');
      expect(scoped.state).to.equal('ok');
      expect(fixtureLog()).to.include('scoped:optional=undefined');
    });
  });

  describe('definePlugin({ deps }) resolved before register', () => {
    let kernel: Awaited<ReturnType<typeof bootFixtures>>;
    let log: string[];
    before(async () => {
      resetFixtureLog();
      kernel = await bootFixtures('deps');
      log = [...fixtureLog()];
    });

    it('hands a required dep to register and start, and optional deps of absent plugins as undefined', () => {
      expect(nodeOf(kernel, 'consumer').state).to.equal('ok');
      expect(log).to.include('consumer:clock=tick ghost=undefined lazyGhost=undefined keys=clock,ghost,lazyGhost');
      expect(log).to.include('consumer:start clock=tick');
    });

    it('fails a plugin whose dep belongs to an undeclared plugin before its register runs', () => {
      const rogue = nodeOf(kernel, 'rogue');
      expect(rogue.state).to.equal('failed');
      expect(rogue.error?.code).to.equal('WZ_PLUGIN_UNDECLARED_DEP');
      expect(rogue.error?.message).to.match(/rogue asked for service stranger:thing but does not declare "stranger"/);
      expect(log).not.to.include('rogue:register');
    });

    it('fails a plugin whose required dep is not provided with WZ_SERVICE_NOT_PROVIDED', () => {
      const needy = nodeOf(kernel, 'needy');
      expect(needy.state).to.equal('failed');
      expect(needy.error?.code).to.equal('WZ_SERVICE_NOT_PROVIDED');
      expect(needy.error?.message).to.match(/provider:calendar is not available to needy/);
      expect(log).not.to.include('needy:register');
    });
  });

  describe('a diamond graph', () => {
    it('registers each plugin once, dependencies first, in one stable order', async () => {
      const kernel = await bootFixtures('diamond');
      expect(kernel.plugins.map((p) => p.code)).to.deep.equal(['bottom', 'left', 'right', 'top']);
      expect(fixtureLog().filter((line) => line.endsWith(':register'))).to.deep.equal([
        'bottom:register',
        'left:register',
        'right:register',
        'top:register',
      ]);
      await kernel.stop();
      expect(fixtureLog().filter((line) => line.endsWith(':stop'))).to.deep.equal([
        'top:stop',
        'right:stop',
        'left:stop',
        'bottom:stop',
      ]);
    });
  });

  describe('tsyringe scopes', () => {
    it('gives every plugin its own child container resolving its own context', async () => {
      const kernel = await bootFixtures('diamond');
      const [left, right] = ['left', 'right'].map((code) => kernel.active.find((p) => p.node.code === code)!);
      expect(left.scope).not.to.equal(right.scope);
      expect(left.scope.resolve<{ code: string }>('wizamart:plugin').code).to.equal('left');
      expect(right.scope.resolve<{ code: string }>('wizamart:plugin').code).to.equal('right');
      expect(left.scope.resolve('wizamart:context')).to.equal(left.ctx);
    });
  });
});
