import { expect } from 'chai';
import { SessionLock } from './session-lock.js';

describe('SessionLock', () => {
  it('hands the session over in arrival order, one owner at a time', async () => {
    const lock = new SessionLock();
    const order: string[] = [];
    await lock.acquire();
    const waiters = ['a', 'b', 'c'].map((name) => lock.acquire().then(() => order.push(name)));
    expect(lock.queued).to.equal(3);
    await Promise.resolve();
    expect(order).to.deep.equal([]);
    for (let i = 0; i < 3; i++) {
      lock.release();
      await waiters[i];
    }
    expect(order).to.deep.equal(['a', 'b', 'c']);
    lock.release();
    let free = false;
    await lock.acquire().then(() => (free = true));
    expect(free).to.equal(true);
  });
});
