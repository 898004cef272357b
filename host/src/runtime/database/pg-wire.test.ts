import { expect } from 'chai';
import { frameLength, queryMessage, ReadyForQueryTracker, startupCode, SYNC, PROTOCOL_3 } from './pg-wire.js';

const ready = (status: string) => Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
const commandComplete = Buffer.concat([Buffer.from([0x43, 0, 0, 0, 13]), Buffer.from('SELECT 1\0')]);
/** A DataRow whose payload happens to contain the bytes of a ReadyForQuery 'E'. */
const decoy = Buffer.concat([Buffer.from([0x44, 0, 0, 0, 10]), ready('E')]);

describe('pg-wire', () => {
  it('measures typed messages, startup messages, incomplete ones and impossible lengths', () => {
    expect(frameLength(queryMessage('select 1'), true)).to.equal(14);
    expect(frameLength(Buffer.concat([SYNC, SYNC]), true)).to.equal(5);
    expect(frameLength(queryMessage('select 1').subarray(0, 7), true)).to.equal(0);
    expect(frameLength(Buffer.from([0x51, 0, 0, 0, 2]), true)).to.equal(-1);
    const startup = Buffer.from([0, 0, 0, 9, 0, 3, 0, 0, 0]);
    expect(frameLength(startup, false)).to.equal(9);
    expect(startupCode(startup)).to.equal(PROTOCOL_3);
    expect(frameLength(startup.subarray(0, 3), false)).to.equal(0);
  });

  it('keeps the status of the last ReadyForQuery however the stream is split, and none before one arrives', () => {
    const stream = Buffer.concat([commandComplete, ready('T'), decoy, commandComplete, ready('I')]);
    for (const size of [1, 2, 3, 5, 7, stream.length]) {
      const tracker = new ReadyForQueryTracker();
      for (let at = 0; at < stream.length; at += size) tracker.feed(stream.subarray(at, at + size));
      expect(tracker.status, `chunks of ${size}`).to.equal('I');
    }
    const unfinished = new ReadyForQueryTracker();
    unfinished.feed(Buffer.concat([commandComplete, decoy]));
    expect(unfinished.status).to.equal(undefined);
  });
});
