import { expect } from 'chai';
import { WizamartError } from '@wizamart/plugin-sdk';
import { computeSignature, parseSignatureHeader, signatureHeader, verifySignature } from './signature.js';

const SECRET = 'whsec_unit-test-secret';
const BODY = Buffer.from('{"id":"evt_1",  "store":"fashion"}');
const NOW = 1_800_000_000;

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof WizamartError ? error.code : 'not-a-wizamart-error';
  }
  return undefined;
}

describe('payments: webhook signatures', () => {
  it('computes HMAC-SHA256 over "<timestamp>.<raw body>" (known vector)', () => {
    // echo -n '1800000000.hello' | openssl dgst -sha256 -hmac key
    expect(computeSignature('key', NOW, 'hello')).to.equal(
      'd3c9cf39d5d901d7e6df503c4666dd0c1623afe5859315d92567533045d87d39',
    );
    expect(computeSignature('key', NOW, Buffer.from('hello'))).to.equal(computeSignature('key', NOW, 'hello'));
    expect(computeSignature('key', NOW, 'hello')).to.match(/^[0-9a-f]{64}$/);
    expect(computeSignature('key', NOW, 'hello')).to.not.equal(computeSignature('key', NOW + 1, 'hello'));
    expect(computeSignature('key', NOW, 'hello')).to.not.equal(computeSignature('key2', NOW, 'hello'));
  });

  it('accepts a fresh, correct signature', () => {
    const header = signatureHeader(SECRET, BODY, NOW - 10);
    expect(
      codeOf(() => verifySignature({ secret: SECRET, header, rawBody: BODY, toleranceSeconds: 300, now: NOW })),
    ).to.equal(undefined);
  });

  it('refuses a changed body, a wrong secret and a changed timestamp', () => {
    const header = signatureHeader(SECRET, BODY, NOW);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(BODY.toString())));
    expect(
      codeOf(() => verifySignature({ secret: SECRET, header, rawBody: reformatted, toleranceSeconds: 300, now: NOW })),
    ).to.equal('WZ_PAYMENTS_SIGNATURE_INVALID');
    expect(
      codeOf(() => verifySignature({ secret: 'other', header, rawBody: BODY, toleranceSeconds: 300, now: NOW })),
    ).to.equal('WZ_PAYMENTS_SIGNATURE_INVALID');
    const moved = header.replace(`t=${NOW}`, `t=${NOW - 1}`);
    expect(
      codeOf(() => verifySignature({ secret: SECRET, header: moved, rawBody: BODY, toleranceSeconds: 300, now: NOW })),
    ).to.equal('WZ_PAYMENTS_SIGNATURE_INVALID');
  });

  it('refuses timestamps outside the tolerance, in the past and in the future', () => {
    for (const t of [NOW - 301, NOW + 301]) {
      const header = signatureHeader(SECRET, BODY, t);
      expect(
        codeOf(() => verifySignature({ secret: SECRET, header, rawBody: BODY, toleranceSeconds: 300, now: NOW })),
      ).to.equal('WZ_PAYMENTS_SIGNATURE_EXPIRED');
    }
    const edge = signatureHeader(SECRET, BODY, NOW - 300);
    expect(
      codeOf(() => verifySignature({ secret: SECRET, header: edge, rawBody: BODY, toleranceSeconds: 300, now: NOW })),
    ).to.equal(undefined);
  });

  it('accepts any one matching v1 among several (secret rotation) and ignores unknown schemes', () => {
    const good = computeSignature(SECRET, NOW, BODY);
    const header = `t=${NOW},v0=abc,v1=${'0'.repeat(64)},v1=${good}`;
    expect(
      codeOf(() => verifySignature({ secret: SECRET, header, rawBody: BODY, toleranceSeconds: 300, now: NOW })),
    ).to.equal(undefined);
  });

  it('reports missing or malformed headers as WZ_PAYMENTS_SIGNATURE_MISSING', () => {
    for (const header of [
      undefined,
      '',
      'v1=abc',
      `t=${NOW}`,
      `t=abc,v1=${'a'.repeat(64)}`,
      `t=${NOW},v1=xyz`,
      `t=${NOW},t=${NOW},v1=${'a'.repeat(64)}`,
      'garbage',
    ]) {
      expect(
        codeOf(() => verifySignature({ secret: SECRET, header, rawBody: BODY, toleranceSeconds: 300, now: NOW })),
        String(header),
      ).to.equal('WZ_PAYMENTS_SIGNATURE_MISSING');
    }
    expect(parseSignatureHeader(`t=${NOW}, v1=${'A'.repeat(64)}`)).to.deep.equal({
      timestamp: NOW,
      signatures: ['a'.repeat(64)],
    });
  });
});
