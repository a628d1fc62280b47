// Shapes of the business-settings API (server: core/numbering/routes.ts, core/files/routes.ts,
// modules/disclosure/publications/routes.ts).

export interface IndexNumberValue {
  pattern: string;
  dateFrom: 'published' | 'formed';
}
export interface IndexNumberView {
  value: IndexNumberValue;
  defaults: IndexNumberValue;
  tokens: string[];
  dateSources: { code: 'published' | 'formed'; label: string }[];
  example: string | null;
  problem: string | null;
}
export interface Preview {
  example: string | null;
  problem: string | null;
}

export interface ClassEntry {
  code?: string;
  label: string;
  used?: number;
  reservedFor?: string | null;
}
export interface ClassificationsView {
  categories: ClassEntry[];
  topics: ClassEntry[];
}

export interface FileSettings {
  maxBytes: number;
}

export const settingsKey = (name: string) => ['settings', name] as const;
