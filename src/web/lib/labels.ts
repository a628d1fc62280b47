// The labels of a module's codes as the server declares them (GET /api/<module>/labels, core/http/labels.ts):
// the workbench keeps no copy of a status, kind or conclusion label.
import { useQuery } from '@tanstack/react-query';
import { get } from './api.ts';

export interface Choice {
  value: string;
  label: string;
}

/** A module's label lists, fetched once per session; `choices(name)` is empty until they arrive. */
export function useLabels(module: string) {
  const q = useQuery({
    queryKey: [module, 'labels'],
    queryFn: () => get<Record<string, Choice[]>>(`/api/${module}/labels`),
    staleTime: Infinity,
  });
  const choices = (list: string): Choice[] => q.data?.[list] ?? [];
  const labelOf = (list: string, value: string | null | undefined): string =>
    choices(list).find((c) => c.value === value)?.label ?? value ?? '';
  return { choices, labelOf, isPending: q.isPending };
}
