import { expect } from 'chai';
import { formatMinor, minorDigits, parseMinor } from './money.js';

describe('money helpers', () => {
  it('knows the minor digits of each currency from Intl', () => {
    expect(minorDigits('EUR')).to.equal(2);
    expect(minorDigits('JPY')).to.equal(0);
    expect(minorDigits('BHD')).to.equal(3);
    expect(minorDigits('jpy')).to.equal(0);
    expect(minorDigits('not a code')).to.equal(2);
  });

  it('parses typed amounts into minor units of the currency', () => {
    expect(parseMinor('12,50', 'EUR')).to.equal(1250);
    expect(parseMinor('12.5', 'EUR')).to.equal(1250);
    expect(parseMinor(' 12 ', 'EUR')).to.equal(1200);
    expect(parseMinor('1200', 'JPY')).to.equal(1200);
    expect(parseMinor('1.234', 'BHD')).to.equal(1234);
    expect(parseMinor('0', 'EUR')).to.equal(0);
  });

  it('rejects more decimals than the currency has, signs and malformed text', () => {
    for (const [text, currency] of [
      ['12.505', 'EUR'],
      ['12.5', 'JPY'],
      ['1,200', 'JPY'],
      ['-5', 'EUR'],
      ['', 'EUR'],
      ['12.', 'EUR'],
      ['abc', 'EUR'],
      ['1.000,50', 'EUR'],
    ]) {
      expect(parseMinor(text, currency), `${text} ${currency}`).to.equal(undefined);
    }
  });

  it('formats minor units in the given language', () => {
    expect(formatMinor(1250, 'EUR', 'en')).to.equal('€12.50');
    expect(formatMinor(1250, 'EUR', 'de')).to.match(/^12,50\s€$/);
    expect(formatMinor(1200, 'JPY', 'en')).to.equal('¥1,200');
    expect(formatMinor(1234, 'BHD', 'en')).to.match(/1\.234$/);
  });
});
