import { categoryCycle, categoryNotFound, slugTaken } from '../errors.js';
import type { CategoryRepository } from '../repositories/category.repository.js';
import type { CategoryRecord } from '../model.js';
import { violatedConstraint } from '../repositories/records.js';
import { isUuid, requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import { slugify } from './slug.js';

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
  const nodes = new Map(
    categories.map((category) => [category.id, { ...category, depth: 0, children: [] as CategoryNode[] }]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const setDepth = (list: CategoryNode[], depth: number) =>
    list.forEach((node) => {
      node.depth = depth;
      setDepth(node.children, depth + 1);
    });
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
  for (let i = 0; i < ids.length; i++)
    ids.push(...categories.filter((category) => category.parentId === ids[i]).map((category) => category.id));
  return ids;
}

/** A store's category tree for staff. */
export class CategoryService {
  constructor(private readonly categories: CategoryRepository) {}

  list(ctx: RequestContext): Promise<CategoryRecord[]> {
    return this.categories.list(requireStore(ctx).id);
  }

  async tree(ctx: RequestContext): Promise<CategoryNode[]> {
    return categoryTree(await this.list(ctx));
  }

  async get(ctx: RequestContext, id: string): Promise<CategoryRecord> {
    const category = isUuid(id) ? await this.categories.byId(requireStore(ctx).id, id) : undefined;
    if (!category) throw categoryNotFound();
    return category;
  }

  async create(ctx: RequestContext, input: CategoryInput): Promise<CategoryRecord> {
    const store = requireStore(ctx);
    if (input.parentId) await this.get(ctx, input.parentId);
    const slug = input.slug ?? slugify(input.name);
    const fields = { name: input.name.trim(), slug, parentId: input.parentId ?? null, position: input.position ?? 0 };
    return this.conflicts(slug, () => this.categories.insert(store.id, fields));
  }

  async update(ctx: RequestContext, id: string, input: Partial<CategoryInput>): Promise<CategoryRecord> {
    const store = requireStore(ctx);
    const current = await this.get(ctx, id);
    if (input.parentId) {
      await this.get(ctx, input.parentId);
      const below = descendantIds(await this.categories.list(store.id), current.id);
      if (below.includes(input.parentId.toLowerCase())) throw categoryCycle();
    }
    const slug = input.slug ?? current.slug;
    const patch = { ...input, name: input.name?.trim(), parentId: input.parentId?.toLowerCase() ?? input.parentId };
    const updated = await this.conflicts(slug, () => this.categories.update(store.id, current.id, patch));
    if (!updated) throw categoryNotFound();
    return updated;
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.categories.delete(requireStore(ctx).id, id))) throw categoryNotFound();
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
