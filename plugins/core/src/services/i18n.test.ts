import { expect } from 'chai';
import { flatten, interpolate, negotiateLanguage, supportedLanguage, Translations } from './i18n.js';

describe('i18n', () => {
  it('flattens nested messages into dotted keys', () => {
    expect([...flatten({ a: { b: 'x', c: { d: 'y' } }, e: 'z', n: 3 })]).to.deep.equal([
      ['a.b', 'x'],
      ['a.c.d', 'y'],
      ['e', 'z'],
    ]);
  });

  it('picks the best supported language of Accept-Language', () => {
    expect(negotiateLanguage('es, de-LU;q=0.7, fr;q=0.9')).to.equal('fr');
    expect(negotiateLanguage('lb-LU,de;q=0.5')).to.equal('lb');
    expect(negotiateLanguage('es, it;q=0.5')).to.equal(undefined);
    expect(negotiateLanguage('de;q=0, en')).to.equal('en');
    expect(supportedLanguage('DE_at')).to.equal('de');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('Hi {name}, {missing}', { name: 'Ada' })).to.equal('Hi Ada, {missing}');
  });

  it('translates <code>.<key>, falling back to English, then to the key', () => {
    const t = new Translations();
    t.add('orders', 'en', { list: { title: 'Orders' }, only: 'English only' });
    t.add('orders', 'de', { list: { title: 'Bestellungen' } });
    expect(t.translate('de', 'orders.list.title')).to.equal('Bestellungen');
    expect(t.translate('de-CH', 'orders.only')).to.equal('English only');
    expect(t.translate('xx', 'orders.list.title')).to.equal('Orders');
    expect(t.translate('de', 'orders.nope')).to.equal('orders.nope');
    expect(t.translate('de', 'Plain label')).to.equal('Plain label');
    expect(t.has('orders.only')).to.equal(true);
    expect(t.has('orders.nope')).to.equal(false);
  });
});
