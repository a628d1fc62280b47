/** The public entry points of 依申请公开 intake for other modules (e.g. a 12345 ticket converted into a request). */
export {
  receiveRequest,
  newTrackingCode,
  TRACKING_CODE_RE,
  type ApplicantInput,
  type IntakeResult,
} from './intake.ts';
export { maskName, maskPhone, maskIdNumber } from './masking.ts';
export { requestByTrackingCode } from './ratingLookup.ts';
