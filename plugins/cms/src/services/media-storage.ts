import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MediaStorage } from '../index.js';

export type { MediaStorage };

const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{32}\.(png|jpg|webp|gif)$/;

/** A fresh random key `<storeId>/<32 hex>.<ext>` for a store's upload. */
export function newStorageKey(storeId: string, extension: string): string {
  return `${storeId}/${randomBytes(16).toString('hex')}.${extension}`;
}

/** Stores media as files under `root`, one folder per store; writes go through a temporary file and a rename. */
export class LocalDiskMediaStorage implements MediaStorage {
  constructor(readonly root: string) {}

  private file(key: string): string {
    // Keys come from newStorageKey, so anything else (a `..`, an absolute path) is a bug or an attack.
    if (!KEY.test(key)) throw new Error(`invalid media storage key ${JSON.stringify(key)}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o640 });
    await rename(temporary, file);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

/**
 * The media folder: `mediaDir` when configured, else `media/` in the host's data folder (default `.wizamart/`); an
 * in-memory data dir (`memory://`) gets a fresh folder in the OS temp dir, as nothing of it should outlive the process.
 */
export function resolveMediaRoot(
  mediaDir: string | undefined,
  dataDir: string | undefined,
): { dir: string; temporary: boolean } {
  if (mediaDir) return { dir: path.resolve(mediaDir), temporary: false };
  if (dataDir?.startsWith('memory://'))
    return { dir: mkdtempSync(path.join(os.tmpdir(), 'wizamart-media-')), temporary: true };
  return { dir: path.resolve(dataDir || '.wizamart', 'media'), temporary: false };
}
