import { validationError, type WizamartError } from '@wizamart/plugin-sdk';

/** A note as a client sends it. */
export interface NoteInput {
  text: string;
}

/** The longest note accepted, in characters. */
export const MAX_NOTE_LENGTH = 500;

function problem(path: string, message: string): WizamartError {
  return validationError([{ path, code: 'invalid', message }]);
}

/** Checks a request body for a new note; throws 400 `WZ_VALIDATION` naming the field that is wrong. */
export function parseNoteInput(body: unknown): NoteInput {
  const text = (body as { text?: unknown } | null | undefined)?.text;
  if (typeof text !== 'string') throw problem('/text', 'must be a string');
  const trimmed = text.trim();
  if (trimmed === '') throw problem('/text', 'must not be empty');
  if (trimmed.length > MAX_NOTE_LENGTH) throw problem('/text', `must be at most ${MAX_NOTE_LENGTH} characters`);
  return { text: trimmed };
}

/** Reads `olderThanDays` for the tidy job: a whole number of days from 0 to 3650 (default 30). */
export function parseTidyInput(body: unknown): { olderThanDays: number } {
  const value = (body as { olderThanDays?: unknown } | null | undefined)?.olderThanDays ?? 30;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3650) {
    throw problem('/olderThanDays', 'must be a whole number of days from 0 to 3650');
  }
  return { olderThanDays: value };
}
