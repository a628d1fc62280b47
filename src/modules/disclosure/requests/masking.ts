/**
 * Applicants' personal data for those who read a request but do not handle it (policy.ts
 * disclosureRequest.personalData; 个人信息保护法 Art 6 最小必要): enough to tell requests apart, not to
 * identify or contact the applicant. 「李*」, 「3416**********0011」, 「138****0001」, 「l***@example.cn」.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { can } from '../policy.ts';
import type { RequestRow } from './intake.ts';

const stars = (n: number) => '*'.repeat(Math.max(n, 1));

/** Keeps `head` leading and `tail` trailing characters (by code point), the rest as *. */
function keep(value: string, head: number, tail: number): string {
  const cs = [...value];
  if (cs.length <= head + tail) return cs.length <= 1 ? '*' : cs[0] + stars(cs.length - 1);
  return (
    cs.slice(0, head).join('') +
    stars(cs.length - head - tail) +
    cs.slice(cs.length - tail).join('')
  );
}

export const maskName = (v: string) => keep(v, 1, 0);
export const maskIdNumber = (v: string) => keep(v, 4, 4);
export const maskPhone = (v: string) =>
  v.replace(/\D/g, '').length >= 7 ? keep(v, 3, 4) : keep(v, 0, 2);
export function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  return at > 0 ? `${[...v.slice(0, at)][0]}***${v.slice(at)}` : keep(v, 1, 0);
}
/** The address to the district at most: the first characters, never the street or house number. */
export const maskAddress = (v: string) =>
  `${[...v].slice(0, Math.min(6, Math.floor([...v].length / 2))).join('')}****`;

const orNull = <T>(v: string | null, f: (s: string) => T) => (v ? f(v) : null);

/** Whether the actor handles the request (sees the applicant's data in full). */
export const handlesRequest = (actor: Actor, r: { departmentId: string; orgId: string }) =>
  can(actor, 'disclosureRequest', 'personalData', r);

/**
 * The request row as the actor may see it: in full for its handlers; otherwise the personal fields
 * masked, the tracking code (the applicant's key to the portal) and the delivery note left out.
 */
export function requestForActor(actor: Actor, row: RequestRow, orgId: string) {
  // Internal keys (the normalised ID number or name + phone, the duplicate hash) are nobody's to read.
  const { applicantKey: _key, dedupeHash: _hash, ...r } = row;
  if (handlesRequest(actor, { departmentId: r.departmentId, orgId }))
    return { ...r, personalDataMasked: false };
  return {
    ...r,
    name: orNull(r.name, maskName),
    idNumber: orNull(r.idNumber, maskIdNumber),
    phone: orNull(r.phone, maskPhone),
    email: orNull(r.email, maskEmail),
    address: orNull(r.address, maskAddress),
    trackingCode: '',
    // Free text of the 送达 (where and to whom it was sent) may quote the address.
    deliveryNote: null,
    personalDataMasked: true,
  };
}
