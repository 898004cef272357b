/** The store a service call works for, always taken from the request's resolved tenant (never from client input). */
export interface StoreRef {
  id: string;
  code: string;
}

export { isUuid } from '@wizamart/plugin-sdk';
