/** Row shapes of the inventory schema. */

export interface LocationRecord {
  id: string;
  code: string;
  name: string;
  isDefault: boolean;
}

export interface LevelRecord {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  lowThreshold: number;
}

export type MovementReason = 'received' | 'adjusted' | 'sold' | 'returned' | 'damaged' | 'counted';

export interface MovementRecord {
  id: string;
  variantId: string;
  locationId: string;
  delta: number;
  reason: MovementReason;
  actor: string;
  reservationId: string | null;
  note: string | null;
  createdAt: Date;
}

export const CHECK_VIOLATION = '23514';
export const UNIQUE_VIOLATION = '23505';

export const pgCode = (error: unknown) => (error as { code?: string }).code;
