import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from './index.js';
import { RULES, type RuleId } from './rules.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/validator/', import.meta.url));

/** Fixture folder → the rules it must fire, each with how many findings and a message they must include. */
const EXPECTED: Record<string, Array<[RuleId, number, RegExp]>> = {
  'wzv001-not-a-plugin': [['WZV001', 1, /no "wizamart-plugin" key/]],
  'wzv002-bad-manifest': [['WZV002', 2, /unknown field "entrypoint"|\/tier/]],
  'wzv003-entry-missing': [['WZV003', 1, /entry \.\/lib\/missing\.js does not exist/]],
  'wzv004-entry-not-a-plugin': [['WZV004', 1, /no register function/]],
  'wzv004-entry-throws': [['WZV004', 1, /boom at import/]],
  'wzv005-index-missing': [['WZV005', 1, /main points to \.\/lib\/public\.js/]],
  'wzv006-peer-missing': [['WZV006', 1, /no peerDependency is the core plugin/]],
  'wzv006-peer-range': [['WZV006', 1, /"\^2\.0\.0" does not overlap requires\.core "\^0\.1\.0"/]],
  'wzv007-optional-peer': [['WZV007', 1, /@wizamart\/plugin-cms .* not marked optional/]],
  'wzv008-undeclared-peer': [['WZV008', 1, /@wizamart\/plugin-tenancy is the tenancy plugin/]],
  'wzv009-bundled-sdk': [['WZV009', 1, /@wizamart\/plugin-sdk is a dependency/]],
  'wzv010-migration-name': [
    ['WZV010', 3, /is TypeScript|items_002_add_price\.js is not named good_<seq>_<description>|share sequence 1/],
  ],
  'wzv011-migration-exports': [['WZV011', 1, /must export functions up and down/]],
  'wzv012-migration-not-built': [
    ['WZV012', 1, /good_002_add_price has no compiled lib\/migrations\/good_002_add_price\.js/],
  ],
  'wzv013-locale-missing': [['WZV013', 2, /lb\.json is missing|fr\.json is not valid JSON/]],
  'wzv014-locale-key': [['WZV014', 1, /de\.json lacks 1 key\(s\) other languages have: menu\.items/]],
  'wzv015-locale-message': [['WZV015', 2, /\{total\} but en\.json has \{count\}|"menu\.items" is empty/]],
  'wzv016-partial-namespace': [
    ['WZV016', 2, /partial "row" has no plugin namespace|"good\/missing-row" does not exist/],
  ],
  'wzv017-partial-foreign': [['WZV017', 1, /"tenancy\/csrf" belongs to plugin "tenancy"/]],
  'wzv018-render': [['WZV018', 3, /renders "list"|renders "cms\/store\/pages"|views\/missing\.hbs does not exist/]],
  'wzv019-helper': [['WZV019', 1, /helper "money" must be named "good-money"/]],
  'wzv020-host-import': [['WZV020', 2, /@wizamart\/host\/(dist\/src\/kernel\/graph\.js|testing)/]],
  'wzv021-deep-import': [['WZV021', 2, /@wizamart\/plugin-core\/(dist\/src\/services\/i18n\.js|services)/]],
  'wzv022-relative-escape': [['WZV022', 1, /\.\.\/\.\.\/good\/lib\/index\.js, which leaves the package/]],
  'wzv023-config-default': [['WZV023', 1, /default of "pageSize" \("many"\) is invalid: must be integer/]],
  'wzv023-config-not-object': [['WZV023', 1, /of type "object" \(has type "array"\)/]],
  'wzv024-config-strict': [['WZV024', 2, /unknown keyword: "x-unit"|"page_size" does not map/]],
  'wzv025-files': [['WZV025', 2, /"files" does not include (views|locales)/]],
  'wzv026-extra-locale': [['WZV026', 1, /es\.json is not one of en\.json/]],
  'wzv027-unknown-key': [
    ['WZV027', 2, /"good\.heading" is used but en\.json has no "heading"|"good\.menu\.things" is used/],
  ],
  'wzv028-internal-surface': [
    ['WZV028', 3, /internal plugin adds a (storefront route \(routes\.api\)|store menu item|page alias)/],
  ],
  'wzv029-undeclared-permission': [
    [
      'WZV029',
      3,
      /"good\.(veiw|edit)" is used but the manifest does not declare it|"catalog\.view" is used but "catalog" is not a plugin this one requires/,
    ],
  ],
  'wzv031-layers': [
    [
      'WZV031',
      2,
      /routes file imports \.\.\/repositories\/item\.repository\.js|repositories file imports \.\.\/services\/item\.service\.js/,
    ],
  ],
  'wzv030-permission-declarations': [
    [
      'WZV030',
      3,
      /"good\.view" is a plain string|"good\.permissions\.edit\.name" is missing from en\.json|"catalog\.permissions\.edit\.description" is not a key of this plugin/,
    ],
  ],
};

describe('validatePlugin', () => {
  it('finds nothing in a plugin that follows every rule (host/testing imported from a test file)', async () => {
    const report = await validatePlugin(`${FIXTURES}good`);
    expect(report.findings).to.deep.equal([]);
    expect(report).to.include({ plugin: 'good', errors: 0, warnings: 0 });
  });

  for (const [fixture, expected] of Object.entries(EXPECTED)) {
    const rules = expected.map(([rule]) => rule).join(', ');
    it(`${rules} fires on ${fixture}, with the rule's severity and hint, and nothing else does`, async () => {
      const report = await validatePlugin(`${FIXTURES}${fixture}`);
      expect([...new Set(report.findings.map((f) => f.rule))]).to.deep.equal(expected.map(([rule]) => rule));
      for (const [rule, count, message] of expected) {
        const found = report.findings.filter((f) => f.rule === rule);
        expect(found, JSON.stringify(report.findings, null, 2)).to.have.length(count);
        for (const f of found) {
          expect(f.message).to.match(message);
          expect(f).to.include({ severity: RULES[rule].severity, hint: RULES[rule].hint });
        }
      }
      expect(report.errors).to.equal(report.findings.filter((f) => f.severity === 'error').length);
      expect(report.warnings).to.equal(report.findings.filter((f) => f.severity === 'warn').length);
    });
  }

  it('has a fixture that fires every rule of the catalogue', () => {
    const covered = new Set(Object.values(EXPECTED).flatMap((rules) => rules.map(([rule]) => rule)));
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule as RuleId))).to.deep.equal([]);
    const folders = readdirSync(FIXTURES).filter((name) => name !== 'good');
    expect(folders.sort()).to.deep.equal(Object.keys(EXPECTED).sort());
  });

  it('is catalogued in docs/validator.md: one row per rule with its severity, no unknown rows', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../../docs/validator.md', import.meta.url)), 'utf8');
    const rows = [...doc.matchAll(/^\| (WZV\d{3}) \| (error|warn|info) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).to.deep.equal(Object.entries(RULES).map(([rule, { severity }]) => [rule, severity]));
  });

  it('reports a folder without package.json as WZV001 with no plugin code', async () => {
    const report = await validatePlugin(`${FIXTURES}does-not-exist`);
    expect(report.plugin).to.equal(null);
    expect(report.findings.map((f) => f.rule)).to.deep.equal(['WZV001']);
    expect(report.errors).to.equal(1);
  });
});
