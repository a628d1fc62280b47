/** What other modules may use of 行政复议 / 行政应诉: table 四 of the 政府信息公开工作年度报告, counted from the cases. */
export { tableFour, tableFourFrom } from './table4.ts';
