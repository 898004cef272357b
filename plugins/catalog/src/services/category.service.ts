import { categoryCycle, categoryNotFound, slugTaken } from '../errors.js';
import type { CategoryRepository } from '../repositories/category.repository.js';
import { violatedConstraint, type CategoryRecord } from '../repositories/records.js';
import { isUuid, slugify, type StoreRef } from './store-ref.js';

/** A category with its subcategories, as trees and pickers show it. */
export interface CategoryNode extends CategoryRecord {
  depth: number;
  children: CategoryNode[];
}

/** What the store API sends for a category. */
export interface CategoryInput {
  name: string;
  slug?: string;
  parentId?: string | null;
  position?: number;
}

/** Builds the tree of `categories` (roots first, each level by position then name). */
export function categoryTree(categories: CategoryRecord[]): CategoryNode[] {
  const nodes = new Map(categories.map((category) => [category.id, { ...category, depth: 0, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const setDepth = (list: CategoryNode[], depth: number) => list.forEach((node) => { node.depth = depth; setDepth(node.children, depth + 1); });
  setDepth(roots, 0);
  return roots;
}

/** The tree flattened depth-first, for indented lists and selects. */
export function flattenTree(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** Ids of `rootId` and every category below it. */
export function descendantIds(categories: CategoryRecord[], rootId: string): string[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) ids.push(...categories.filter((category) => category.parentId === ids[i]).map((category) => category.id));
  return ids;
}

/** A store's category tree for staff. */
export class CategoryService {
  constructor(private readonly categories: CategoryRepository) {}

  list(store: StoreRef): Promise<CategoryRecord[]> {
    return this.categories.list(store.id);
  }

  async tree(store: StoreRef): Promise<CategoryNode[]> {
    return categoryTree(await this.categories.list(store.id));
  }

  async get(store: StoreRef, id: string): Promise<CategoryRecord> {
    const category = isUuid(id) ? await this.categories.byId(store.id, id) : undefined;
    if (!category) throw categoryNotFound();
    return category;
  }

  async create(store: StoreRef, input: CategoryInput): Promise<CategoryRecord> {
    if (input.parentId) await this.get(store, input.parentId);
    const slug = input.slug ?? slugify(input.name);
    return this.conflicts(slug, () => this.categories.insert(store.id, { name: input.name.trim(), slug, parentId: input.parentId ?? null, position: input.position ?? 0 }));
  }

  async update(store: StoreRef, id: string, input: Partial<CategoryInput>): Promise<CategoryRecord> {
    const current = await this.get(store, id);
    if (input.parentId) {
      await this.get(store, input.parentId);
      if (descendantIds(await this.categories.list(store.id), current.id).includes(input.parentId.toLowerCase())) throw categoryCycle();
    }
    const slug = input.slug ?? current.slug;
    const updated = await this.conflicts(slug, () => this.categories.update(store.id, current.id, { ...input, name: input.name?.trim(), parentId: input.parentId?.toLowerCase() ?? input.parentId }));
    if (!updated) throw categoryNotFound();
    return updated;
  }

  async delete(store: StoreRef, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.categories.delete(store.id, id))) throw categoryNotFound();
  }

  private async conflicts<T>(slug: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (violatedConstraint(error) !== undefined) throw slugTaken(slug);
      throw error;
    }
  }
}
