import { expect } from 'chai';
import { isUuid } from './ids.js';

describe('isUuid', () => {
  it('accepts canonical UUIDs in either case', () => {
    expect(isUuid('3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e')).to.equal(true);
    expect(isUuid('3F2B8C1E-4D5A-4B6C-8D7E-9F0A1B2C3D4E')).to.equal(true);
  });

  it('rejects anything else', () => {
    for (const value of [
      '',
      'abc',
      '3f2b8c1e4d5a4b6c8d7e9f0a1b2c3d4e',
      '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e ',
      ' 3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
      '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4g',
      42,
      null,
      undefined,
    ]) {
      expect(isUuid(value), String(value)).to.equal(false);
    }
  });
});
