import { useEffect } from 'react';

export const APP_TITLE = '法治工作台';

/** Sets the document title to "<page> - 法治工作台". */
export function useTitle(page?: string): void {
  useEffect(() => {
    document.title = page ? `${page} - ${APP_TITLE}` : APP_TITLE;
  }, [page]);
}
