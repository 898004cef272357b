import { expect } from 'chai';
import { TtlCache } from './ttl-cache.js';

describe('tenancy TtlCache', () => {
  it('loads a key once while the entry lives, including concurrent reads', async () => {
    const cache = new TtlCache<string | null>(10_000);
    let loads = 0;
    const load = async () => (loads++, null);
    await Promise.all([cache.get('nope', load), cache.get('nope', load)]);
    await cache.get('nope', load);
    expect(loads, 'negative results are cached too').to.equal(1);
    cache.delete('nope');
    await cache.get('nope', load);
    expect(loads).to.equal(2);
  });

  it('expires entries after the TTL and caches nothing with a TTL of 0', async () => {
    const short = new TtlCache<number>(20);
    short.set('a', 1);
    expect(short.peek('a')?.value).to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(short.peek('a')).to.equal(undefined);
    const none = new TtlCache<number>(0);
    none.set('a', 1);
    expect(none.peek('a')).to.equal(undefined);
  });

  it('drops the oldest entry beyond its size bound', () => {
    const cache = new TtlCache<number>(10_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.peek('a'), cache.peek('b')?.value, cache.peek('c')?.value]).to.deep.equal([undefined, 2, 3]);
  });
});
