import type { PluginJobs } from '@wizamart/plugin-sdk';
import type { NoteService } from '../services/note.service.js';

/** What a `__code__.tidy-notes` run gets. */
export interface TidyNotesData {
  olderThanDays: number;
}

/** The job name (the host stores it as `__code__.tidy-notes`). */
export const TIDY_NOTES_JOB = 'tidy-notes';

/**
 * Removes a platform's old notes. Delivered at least once, so deleting "older than" is safe to run twice; skipped by
 * the host on platforms where this plugin is disabled.
 */
export function defineTidyNotesJob(jobs: PluginJobs, notes: NoteService): void {
  jobs.define<TidyNotesData>(TIDY_NOTES_JOB, async (job) => {
    const removed = await notes.tidy(job.platform, job.data.olderThanDays);
    await job.progress(100, `removed ${removed}`);
  }, { attempts: 3 });
}
