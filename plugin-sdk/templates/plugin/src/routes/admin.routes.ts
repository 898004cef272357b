import { permit, publicAccess, type PluginInfo, type PluginJobs, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { errors } from '../errors.js';
import { __Pascal__Permissions } from '../index.js';
import { TIDY_NOTES_JOB, type TidyNotesData } from '../jobs/tidy-notes.job.js';
import { parseTidyInput } from '../services/note-input.js';
import type { NoteService } from '../services/note.service.js';

/** What the admin routers need, wired in plugin.ts. */
export interface AdminDeps {
  plugin: PluginInfo;
  notes: NoteService;
  jobs: PluginJobs;
}

/**
 * `/api/v1/admin/__code__/…`: a public status probe, the platform's notes (list, add) and the tidy job (start, read
 * its progress). Every route declares its guard; the platform is the request's, never one sent by the client.
 */
export function adminApiRoutes(routes: PluginRoutes, deps: AdminDeps): Router {
  const router = routes.router();
  router.get('/status', publicAccess(), (_req, res) => {
    res.json({ plugin: deps.plugin.code, version: deps.plugin.version, ok: true });
  });
  router.get('/notes', permit(__Pascal__Permissions.view), async (req, res) => {
    res.json({ items: await deps.notes.list(req.wz.tenant.platform) });
  });
  router.post('/notes', permit(__Pascal__Permissions.manage), async (req, res) => {
    res.status(201).json(await deps.notes.add(req.wz.tenant.platform, req.body));
  });
  router.post('/tidy', permit(__Pascal__Permissions.manage), async (req, res) => {
    const data: TidyNotesData = parseTidyInput(req.body);
    const id = await deps.jobs.now(TIDY_NOTES_JOB, data, { platform: req.wz.tenant.platform });
    res.status(202).json({ id });
  });
  router.get('/jobs/:id', permit(__Pascal__Permissions.view), async (req, res) => {
    const status = await deps.jobs.status(String(req.params.id));
    if (!status) throw errors.WZ___CODE___JOB_NOT_FOUND({ id: String(req.params.id) });
    res.json(status);
  });
  return router;
}

/** `/admin/__code__`: the notes page, inside the admin layout of the core plugin. */
export function adminPageRoutes(routes: PluginRoutes, deps: AdminDeps): Router {
  const router = routes.router();
  router.get('/', permit(__Pascal__Permissions.view), async (req, res) => {
    res.render('__code__/admin/notes', { notes: await deps.notes.list(req.wz.tenant.platform) });
  });
  return router;
}
