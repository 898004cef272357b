import type { HealthCheckResult } from '@wizamart/plugin-sdk';
import type { NoteRepository } from '../repositories/note.repository.js';

/** `__code__.notes`: the notes table answers (a failed query marks the check down). Runs on every probe: keep it cheap. */
export async function checkNotesTable(repository: NoteRepository): Promise<HealthCheckResult> {
  await repository.probe();
}
