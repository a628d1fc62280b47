// The portal stylesheet, read once at start-up and served by the portal plugin.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const PORTAL_CSS = readFileSync(new URL('./assets/portal.css', import.meta.url), 'utf8');
export const PORTAL_CSS_VERSION = createHash('sha256')
  .update(PORTAL_CSS)
  .digest('hex')
  .slice(0, 12);
export const PORTAL_CSS_ROUTE = '/portal/assets/portal.css';
/** The versioned URL pages link to; a new stylesheet gets a new URL, so it may be cached for a year. */
export const PORTAL_CSS_PATH = `${PORTAL_CSS_ROUTE}?v=${PORTAL_CSS_VERSION}`;
