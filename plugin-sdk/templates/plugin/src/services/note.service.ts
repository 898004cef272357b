import type { Note } from '../model.js';
import type { NoteRepository } from '../repositories/note.repository.js';
import { parseNoteInput } from './note-input.js';

/** Notes per platform; every method takes the platform of the request first, never one sent by the client. */
export class NoteService {
  constructor(private readonly repository: NoteRepository) {}

  /** The platform's notes, newest first. */
  list(platform: string): Promise<Note[]> {
    return this.repository.list(platform);
  }

  /** Checks the body and adds a note; throws 400 `WZ_VALIDATION` for bad input (nothing is stored then). */
  add(platform: string, body: unknown): Promise<Note> {
    return this.repository.insert(platform, parseNoteInput(body).text);
  }

  /** Removes the platform's notes older than `days` days; returns how many went. Safe to run twice. */
  tidy(platform: string, days: number): Promise<number> {
    return this.repository.deleteOlderThan(platform, new Date(Date.now() - days * 86_400_000));
  }
}
