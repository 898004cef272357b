import type { StoreRef as SdkStoreRef } from '@wizamart/plugin-sdk';
/** The slice of the SDK's StoreRef cms services need (routes pass `requireStore(contextOf(req))`). */
export type StoreRef = Pick<SdkStoreRef, 'id' | 'code'>;

export { isUuid } from '@wizamart/plugin-sdk';
