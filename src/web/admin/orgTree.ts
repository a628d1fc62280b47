import type { Org } from '../lib/types.ts';

export interface OrgNode extends Org {
  children?: OrgNode[];
}

/** Builds the organisation tree from the flat list (orphans become roots). */
export function buildOrgTree(items: Org[]): OrgNode[] {
  const byId = new Map<string, OrgNode>(items.map((o) => [o.id, { ...o }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export interface OrgTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgTreeOption[];
}

/** TreeSelect data; `exclude` (an org being edited) and its subtree cannot be chosen as parent. */
export function orgTreeOptions(
  nodes: OrgNode[],
  exclude?: string,
  underExcluded = false,
): OrgTreeOption[] {
  return nodes.map((n) => {
    const off = underExcluded || n.id === exclude;
    return {
      value: n.id,
      title: n.name,
      disabled: off || undefined,
      children: n.children ? orgTreeOptions(n.children, exclude, off) : undefined,
    };
  });
}
