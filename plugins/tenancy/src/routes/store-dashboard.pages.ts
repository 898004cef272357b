import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { Request, Response, Router } from 'express';
import { TENANCY_PERMISSIONS as P } from '../index.js';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { formAction, pageUrl } from './page-actions.js';
import { rolesPageModel } from './role-views.js';
import { formInput, validate } from './validators.js';

const LOCALES = [
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
  ['lb', 'Lëtzebuergesch'],
] as const;

/** Store dashboard pages: team, roles and store settings (`/store/<store>/tenancy/…`). */
export function storeDashboardPages(routes: PluginRoutes, tenancy: Tenancy, ui: () => CoreUi | undefined): Router {
  const router = routes.router();
  const store = (req: Request) => tenancy.directory.current(req);
  const to = (path: string) => (req: Request) => pageUrl(req, path);
  const can = (req: Request, permission: string) =>
    Boolean(req.wz.principal?.permissions.has(permission) || req.wz.principal?.permissions.has('*'));

  const teamPage = async (req: Request, res: Response) => {
    const current = await store(req);
    const [members, roles] = await Promise.all([tenancy.team.list(current), tenancy.roles.list(current)]);
    const roleNames = roles.map((role) => role.name);
    res.render('tenancy/store/team', {
      title: 'Team',
      manage: can(req, P.teamManage),
      me: req.wz.principal?.id,
      roles: roleNames,
      members: members.map((member) => ({
        ...member,
        roles: roleNames.map((name) => ({ name, selected: name === member.role })),
      })),
    });
  };
  router.get('/team', permit(P.teamView), teamPage);
  const memberAdded = async (req: Request) => {
    const member = await tenancy.team.add(actorOf(req), await store(req), validate.memberAdd(formInput(req.body)));
    return { to: pageUrl(req, '/team'), message: `${member.email} joined the team as ${member.role}` };
  };
  const memberForm = { form: 'member', page: teamPage };
  router.post('/team', permit(P.teamManage), formAction(ui, to('/team'), memberAdded, memberForm));
  router.post(
    '/team/:userId/role',
    permit(P.teamManage),
    formAction(ui, to('/team'), async (req) => {
      const member = await tenancy.team.changeRole(
        actorOf(req),
        await store(req),
        validate.id(req.params.userId),
        validate.memberRole(formInput(req.body)).role,
      );
      return { to: pageUrl(req, '/team'), message: `${member.email} is now ${member.role}` };
    }),
  );
  router.post(
    '/team/:userId/delete',
    permit(P.teamManage),
    formAction(ui, to('/team'), async (req) => {
      await tenancy.team.remove(actorOf(req), await store(req), validate.id(req.params.userId));
      return { to: pageUrl(req, '/team'), message: 'Member removed from the team' };
    }),
  );

  router.get('/roles', permit(P.teamView), async (req, res) => {
    const roles = await tenancy.roles.list(await store(req));
    const t = (r: Request, key: string) => ui()?.t(r, key) ?? key;
    const model = rolesPageModel(req, t, roles, tenancy.roles.groups());
    res.render('tenancy/store/roles', { title: 'Roles', manage: can(req, P.teamManage), ...model });
  });
  router.post(
    '/roles',
    permit(P.teamManage),
    formAction(ui, to('/roles'), async (req) => {
      const role = await tenancy.roles.create(
        actorOf(req),
        await store(req),
        validate.roleCreate(formInput(req.body, ['permissions'])),
      );
      return { to: pageUrl(req, '/roles'), message: `Role ${role.name} created` };
    }),
  );
  router.post(
    '/roles/:name',
    permit(P.teamManage),
    formAction(ui, to('/roles'), async (req) => {
      const role = await tenancy.roles.update(
        actorOf(req),
        await store(req),
        String(req.params.name),
        validate.roleUpdate(formInput(req.body, ['permissions'])),
      );
      return { to: pageUrl(req, '/roles'), message: `Role ${role.name} saved` };
    }),
  );
  router.post(
    '/roles/:name/delete',
    permit(P.teamManage),
    formAction(ui, to('/roles'), async (req) => {
      await tenancy.roles.remove(actorOf(req), await store(req), String(req.params.name));
      return { to: pageUrl(req, '/roles'), message: `Role ${req.params.name} deleted` };
    }),
  );

  const settingsPage = async (req: Request, res: Response) => {
    const current = await store(req);
    const codes = LOCALES.some(([code]) => code === current.locale)
      ? LOCALES
      : [...LOCALES, [current.locale, current.locale] as const];
    const locales = codes.map(([code, name]) => ({ code, name, selected: code === current.locale }));
    res.render('tenancy/store/settings', { title: 'Store settings', store: current, locales });
  };
  router.get('/settings', permit(P.settingsManage), settingsPage);
  const settingsSaved = async (req: Request) => {
    await tenancy.stores.updateSettings(actorOf(req), await store(req), validate.storeSettings(formInput(req.body)));
    return { to: pageUrl(req, '/settings'), message: 'Store settings saved' };
  };
  const settingsForm = { form: 'settings', page: settingsPage };
  router.post('/settings', permit(P.settingsManage), formAction(ui, to('/settings'), settingsSaved, settingsForm));
  return router;
}
