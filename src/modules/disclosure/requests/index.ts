/** The public entry points of 依申请公开 intake for other modules (e.g. a 12345 ticket converted into a request). */
export { receiveRequest, type ApplicantInput, type IntakeResult } from './intake.ts';
// The code is the portal's (one format for every section); kept here for the modules that take it from us.
export { newTrackingCode, TRACKING_CODE_RE } from '../../../portal/trackingCode.ts';
export { maskName, maskPhone, maskIdNumber } from './masking.ts';
export { requestByTrackingCode } from './ratingLookup.ts';
