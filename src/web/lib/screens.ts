import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Abilities } from './types.ts';

/** One entry of the main menu; consecutive entries with the same group are shown under its heading. */
export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  group?: string;
}

/**
 * A module's screens: its routes under /app/ and the menu entries the signed-in user's abilities open.
 * The workbench loops over the ordered list in src/web/modules.ts (the server's list has the same order).
 */
export interface ScreenManifest {
  routes: Array<{ path: string; Component: LazyExoticComponent<ComponentType> }>;
  menu?: (a: Abilities) => MenuEntry[];
}
