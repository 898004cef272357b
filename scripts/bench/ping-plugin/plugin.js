import { publicAccess } from '@wizamart/plugin-sdk';
import { pingHandler } from '../ping-handler.mjs';

// The trivial route bench-http measures through the host's full middleware stack.
export default {
  register(ctx) {
    const api = ctx.routes.router();
    api.get('/ping', publicAccess(), pingHandler);
    ctx.routes.api('storefront', api);
  },
};
