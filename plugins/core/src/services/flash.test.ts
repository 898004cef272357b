import { expect } from 'chai';
import { decodeFlashes, encodeFlashes, FLASH_MAX_ENCODED, FLASH_MAX_ITEMS, FLASH_MAX_MESSAGE } from './flash.js';

describe('flash cookie encoding', () => {
  it('round-trips messages through a cookie-safe value', () => {
    const encoded = encodeFlashes([{ type: 'success', message: 'Saved “Team” ✓' }]);
    expect(encoded).to.match(/^[A-Za-z0-9_-]+$/);
    expect(decodeFlashes(encoded)).to.deep.equal([{ type: 'success', message: 'Saved “Team” ✓' }]);
  });

  it('keeps the latest messages, cut to the length limit', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      type: 'info' as const,
      message: `${i}`.repeat(FLASH_MAX_MESSAGE + 10),
    }));
    const decoded = decodeFlashes(encodeFlashes(many));
    expect(decoded).to.have.length(FLASH_MAX_ITEMS);
    expect(decoded[0].message).to.have.length(FLASH_MAX_MESSAGE).and.to.match(/^2+$/);
  });

  it('drops the oldest messages until the cookie fits', () => {
    const wide = Array.from({ length: 3 }, () => ({ type: 'info' as const, message: '€'.repeat(FLASH_MAX_MESSAGE) }));
    const encoded = encodeFlashes(wide);
    expect(encoded.length).to.be.at.most(FLASH_MAX_ENCODED);
    expect(decodeFlashes(encoded).length).to.be.within(1, 2);
  });

  it('reads malformed, oversized or foreign values as no messages', () => {
    expect(decodeFlashes(undefined)).to.deep.equal([]);
    expect(decodeFlashes('%%%')).to.deep.equal([]);
    expect(decodeFlashes(Buffer.from('{"type":"info"}').toString('base64url'))).to.deep.equal([]);
    expect(
      decodeFlashes(Buffer.from('[{"type":"evil","message":"x"},{"type":"info","message":2}]').toString('base64url')),
    ).to.deep.equal([]);
    expect(decodeFlashes('A'.repeat(FLASH_MAX_ENCODED + 1))).to.deep.equal([]);
  });
});
