/**
 * Types every layer of the plugin shares (routes → services → repositories import them from here, never from each
 * other: `wizamart-plugin validate` rule WZV031).
 */

/** A note of one platform. */
export interface Note {
  id: string;
  platform: string;
  text: string;
  createdAt: string;
}
