import { expect } from 'chai';
import { fromStoredData, isJobId, jobState, toStoredData, type JobRow } from './stored-job.js';

const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));
const NOW = at(30);

function row(extra: Partial<JobRow>): JobRow {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    name: 'p.job',
    data: {},
    next_run_at: null,
    locked_at: null,
    last_run_at: null,
    last_finished_at: null,
    failed_at: null,
    fail_count: null,
    fail_reason: null,
    repeat_interval: null,
    progress: null,
    ...extra,
  };
}

describe('stored jobs', () => {
  it('wraps plugin data with its target and unwraps it unchanged', () => {
    const stored = toStoredData([1, 2], { store: 's1' });
    expect(stored).to.include({ platform: 'main', store: 's1', targetKey: '["main","s1"]' });
    expect(fromStoredData(JSON.parse(JSON.stringify(stored))).payload).to.deep.equal([1, 2]);
  });

  it('accepts only UUIDs as job ids', () => {
    expect(isJobId('00000000-0000-4000-8000-000000000000')).to.equal(true);
    expect(isJobId("1' or '1'='1")).to.equal(false);
  });

  describe('state', () => {
    const cases: Array<[string, Partial<JobRow>, string]> = [
      ['due and not taken', { next_run_at: at(10) }, 'queued'],
      ['due later', { next_run_at: at(60) }, 'scheduled'],
      ['claimed by a worker but not started', { next_run_at: at(10), locked_at: at(20) }, 'queued'],
      ['running', { locked_at: at(20), last_run_at: at(21) }, 'running'],
      [
        'running a retry',
        { locked_at: at(25), last_run_at: at(26), last_finished_at: at(20), failed_at: at(20), fail_count: 1 },
        'running',
      ],
      [
        'waiting for a retry',
        { next_run_at: at(40), last_run_at: at(10), last_finished_at: at(11), failed_at: at(11), fail_count: 1 },
        'retrying',
      ],
      [
        'failed for good',
        { last_run_at: at(10), last_finished_at: at(11), failed_at: at(11), fail_count: 5 },
        'failed',
      ],
      [
        'repeating after its retries ran out',
        { next_run_at: at(90), repeat_interval: '1 hour', last_finished_at: at(11), failed_at: at(11), fail_count: 5 },
        'scheduled',
      ],
      [
        'succeeded after a failure',
        { last_run_at: at(12), last_finished_at: at(13), failed_at: at(11), fail_count: 0 },
        'completed',
      ],
    ];
    for (const [what, extra, state] of cases) {
      it(`is ${state} when ${what}`, () => expect(jobState(row(extra), 5, NOW)).to.equal(state));
    }
  });
});
