/**
 * 行政规范性文件, the public surface for other modules: the 行政规范性文件 row of table 二 of the
 * 政府信息公开工作年度报告 (制发, 废止, 现行有效 as at 12月31日), counted by the documents' own facts.
 */
export { tableTwoRow } from './facts.ts';
