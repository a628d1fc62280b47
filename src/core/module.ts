/**
 * A module plugs in through one manifest (src/modules/<name>/module.ts); the server, the portal, the
 * sweep, the annual report and the demo loop over the ordered list in src/server/modules.ts. Core
 * knows the shape, never a module.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Ctx } from './context.ts';
import type { Actor } from './auth/actor.ts';
import type { ProcedureEntry } from './cases/registry.ts';
import type { SweepTask } from './cases/sweep.ts';
import type { FactProvider } from './facts.ts';
import type { DbOrTx } from './db/client.ts';
import type { FileReader } from './files/service.ts';
import type { PortalPageContext } from '../portal/http.tsx';
import type { PortalSection } from '../portal/layout.tsx';
import type { ModuleAudit } from './audit/labels.ts';
import type { LabelLists } from './http/labels.ts';
import type { FormLists } from './http/forms.ts';

/** What the server hands a module's routes: the other modules' contributions it may need. */
export interface ModuleDeps {
  /** Every module's facts for the annual report. */
  facts: FactProvider[];
}

export interface ModuleManifest {
  /** Stable code ('documents'); also the audit and fact-provider prefix. */
  name: string;
  label: string;
  /** Chinese names of the audit action codes it writes, of its payload keys and record kinds (audit/labels.ts). */
  audit?: ModuleAudit;
  /**
   * Its tables that only grow (a trigger refuses UPDATE/DELETE, e.g. evidence entries naming their audit
   * seq): in production the application role gets no UPDATE, DELETE or TRUNCATE on them either
   * (core/audit/roles.ts, with the audit log's own tables).
   */
  appendOnlyTables?: string[];
  /** The procedures it runs on the shared engine, with the acts only its services record (module and label are the manifest's). */
  procedures?: Array<Omit<ProcedureEntry, 'module' | 'moduleLabel'>>;
  sweepTasks?: SweepTask[];
  /**
   * What its screens may show the signed-in actor (menu entries, buttons), from its own policy
   * (definePolicy in core/auth/policy.ts): merged into the session's `abilities`.
   */
  abilities?: (actor: Actor) => Record<string, boolean>;
  facts?: FactProvider[];
  /** The Chinese labels of its codes the workbench shows (statuses, kinds …): GET /api/<name>/labels. */
  labels?: LabelLists;
  /** The fields of its forms that post to routes of their own (not engine acts): GET /api/<name>/forms. */
  forms?: FormLists;
  /** Its staff API (thin routes: validate → authorize → one service call → present). */
  routes?: (app: FastifyInstance, ctx: Ctx, deps: ModuleDeps) => void;
  /** Its public portal pages, and the sections they add to the portal's home and menu. */
  portal?: (ctx: Ctx, page: PortalPageContext) => FastifyPluginAsync;
  portalSections?: PortalSection[];
  /** A stored file the public may download without signing in (an attachment of something published). */
  isPublicFile?: (db: DbOrTx, fileId: string) => Promise<boolean>;
  /**
   * Whether a stored file belongs to one of its records ('unknown' if not) and whether the actor may read
   * that record ('allow' | 'deny'), by the module's own loader so the rule is its endpoint's.
   * `GET /api/files/:id` serves a file that is public or that some module allows; a file no module owns
   * only to its uploader.
   */
  fileReader?: FileReader;
  /**
   * Demo records, written through the module's services inside the demo's one transaction, in list
   * order. `history`: the years of use that `npm start` adds (tests keep the small demo).
   */
  demo?: (
    ctx: Ctx,
    staff: Actor,
    opts: { history: boolean; departmentId: string; orgId: string; facts: FactProvider[] },
  ) => Promise<void>;
}
