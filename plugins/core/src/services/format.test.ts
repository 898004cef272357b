import { expect } from 'chai';
import { formatDate, formatMoney, toDate } from './format.js';

const nbsp = '\u00a0';

describe('formatting', () => {
  it('formats minor units with the currency’s own decimals', () => {
    expect(formatMoney(1999, 'EUR', 'en')).to.equal('€19.99');
    expect(formatMoney(1999, 'eur', 'de')).to.equal(`19,99${nbsp}€`);
    expect(formatMoney(1999, 'JPY', 'en')).to.equal('¥1,999');
    expect(formatMoney('250', 'USD', 'fr')).to.equal(`2,50${nbsp}$US`);
    expect(formatMoney(-500, 'EUR', 'en')).to.equal('-€5.00');
  });

  it('never throws on bad input', () => {
    expect(formatMoney('abc', 'EUR', 'en')).to.equal('');
    expect(formatMoney(null, 'EUR', 'en')).to.equal('');
    expect(formatMoney(100, undefined, 'en')).to.equal('100');
    expect(formatMoney(100, 'EURO', 'en')).to.equal('100 EURO');
    expect(formatMoney(100, 'EUR', 'not a locale!')).to.equal('€1.00');
  });

  it('formats dates in UTC by default, in the language asked', () => {
    const when = '2026-01-31T23:30:00Z';
    expect(formatDate(when, 'en')).to.equal('Jan 31, 2026');
    expect(formatDate(when, 'fr', { dateStyle: 'long' })).to.equal('31 janvier 2026');
    expect(formatDate(when, 'en', { timeZone: 'Europe/Luxembourg' })).to.equal('Feb 1, 2026');
    expect(formatDate(when, 'en', { dateStyle: 'short', timeStyle: 'short' })).to.match(/^1\/31\/26, 11:30\sPM$/);
    expect(formatDate(when, 'en', { timeZone: 'Nowhere/Else' })).to.equal('Jan 31, 2026');
  });

  it('renders non-dates as an empty string', () => {
    for (const value of ['soon', undefined, {}, Number.NaN]) expect(formatDate(value, 'en')).to.equal('');
    expect(toDate(0)?.toISOString()).to.equal('1970-01-01T00:00:00.000Z');
  });
});
