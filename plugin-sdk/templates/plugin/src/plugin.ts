import { definePlugin, type PluginContext } from '@wizamart/plugin-sdk';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { checkNotesTable } from './health/__code__.health.js';
import { __Pascal__Permissions } from './index.js';
import { defineTidyNotesJob } from './jobs/tidy-notes.job.js';
import { NoteRepository } from './repositories/note.repository.js';
import { adminApiRoutes, adminPageRoutes } from './routes/admin.routes.js';
import { NoteService } from './services/note.service.js';

function addMenus(ctx: PluginContext): void {
  ctx.menus.add('admin', { id: 'notes', label: '__code__.menu.notes', path: '/', icon: 'sticky-note', permission: __Pascal__Permissions.view, order: 500 });
}

/** __Name__: wiring only — services, routes, menus, jobs and health checks are built in their own files. */
export default definePlugin({
  // The services this plugin uses: the host resolves them before register and passes them in, typed.
  deps: { ui: CoreServices.ui },
  register(ctx, { ui }) {
    // ctx.db is a getter: the host completes it once the database is up, so repositories read it lazily.
    const repository = new NoteRepository(() => ctx.db);
    const deps = { plugin: ctx.plugin, notes: new NoteService(repository), jobs: ctx.jobs };
    ui.registerLocales(ctx);
    ctx.routes.api('admin', adminApiRoutes(ctx.routes, deps));
    ctx.routes.pages('admin', adminPageRoutes(ctx.routes, deps));
    addMenus(ctx);
    defineTidyNotesJob(ctx.jobs, deps.notes);
    ctx.health.check('notes', () => checkNotesTable(repository));
  },
});
