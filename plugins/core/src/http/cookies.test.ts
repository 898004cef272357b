import { expect } from 'chai';
import { readCookie, serializeCookie } from './cookies.js';

describe('cookies', () => {
  it('reads one cookie of a header', () => {
    expect(readCookie('a=1; wz_flash=abc%20d; b=2', 'wz_flash')).to.equal('abc d');
    expect(readCookie('xwz_flash=1', 'wz_flash')).to.equal(undefined);
    expect(readCookie('wz_flash=%E0%A4%A', 'wz_flash')).to.equal(undefined);
    expect(readCookie(undefined, 'wz_flash')).to.equal(undefined);
  });

  it('serialises HttpOnly, SameSite=Lax cookies for the whole site', () => {
    expect(serializeCookie('n', 'v', { maxAgeSeconds: 60, secure: false })).to.equal(
      'n=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax',
    );
    expect(serializeCookie('n', '', { maxAgeSeconds: 0, secure: true })).to.equal(
      'n=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure',
    );
  });
});
