import { expect } from 'chai';
import { safeNext } from './next-url.js';

describe('auth: where sign-in goes next', () => {
  it('follows a path on the same surface', () => {
    expect(safeNext('/admin/tenancy/stores?q=a', '/admin')).to.equal('/admin/tenancy/stores?q=a');
    expect(safeNext('/store/fashion', '/store/fashion')).to.equal('/store/fashion');
  });

  it('goes home for other hosts, other surfaces and odd input', () => {
    for (const next of [
      '//evil.example/admin',
      'https://evil.example',
      '/\\evil.example',
      '/store/other',
      '/administrator',
      '/admin x',
      undefined,
      42,
    ]) {
      expect(safeNext(next, '/admin'), String(next)).to.equal('/admin');
    }
  });
});
