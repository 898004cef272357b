import { expect } from 'chai';
import { isWizamartError } from '@wizamart/plugin-sdk';
import { MAX_NOTE_LENGTH, parseNoteInput, parseTidyInput } from './note-input.js';

/** The error code and the first problem's path a parser throws, e.g. `WZ_VALIDATION /text`. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (!isWizamartError(error)) throw error;
    const problems = error.details.problems as Array<{ path: string }>;
    return `${error.code} ${problems[0].path}`;
  }
  throw new Error('expected the input to be refused');
}

describe('__code__: note input', () => {
  it('trims the text of a note', () => {
    expect(parseNoteInput({ text: '  call the supplier  ' })).to.deep.equal({ text: 'call the supplier' });
  });

  it('refuses a missing, empty or too long text with WZ_VALIDATION on /text', () => {
    expect(refusal(() => parseNoteInput({}))).to.equal('WZ_VALIDATION /text');
    expect(refusal(() => parseNoteInput(null))).to.equal('WZ_VALIDATION /text');
    expect(refusal(() => parseNoteInput({ text: '   ' }))).to.equal('WZ_VALIDATION /text');
    expect(refusal(() => parseNoteInput({ text: 'x'.repeat(MAX_NOTE_LENGTH + 1) }))).to.equal('WZ_VALIDATION /text');
  });

  it('defaults the tidy age to 30 days and refuses anything but a whole number of days', () => {
    expect(parseTidyInput({})).to.deep.equal({ olderThanDays: 30 });
    expect(parseTidyInput({ olderThanDays: 0 })).to.deep.equal({ olderThanDays: 0 });
    expect(refusal(() => parseTidyInput({ olderThanDays: '7' }))).to.equal('WZ_VALIDATION /olderThanDays');
    expect(refusal(() => parseTidyInput({ olderThanDays: 1.5 }))).to.equal('WZ_VALIDATION /olderThanDays');
    expect(refusal(() => parseTidyInput({ olderThanDays: -1 }))).to.equal('WZ_VALIDATION /olderThanDays');
  });
});
