/**
 * Server strings of outbreak work (issue 15): the report's XLSX headers and rows, automatic reasons.
 * Vietnamese first, English second; the report and its file are in Vietnamese.
 */
export const outbreakDict = {
  'report.commune': { vi: 'Xã / thị trấn', en: 'Commune / town' },
  'report.day': { vi: 'Ngày', en: 'Day' },
  'report.sheetDay': { vi: 'Ngày', en: 'Day' },
  'report.sheetSeries': { vi: 'Theo ngày', en: 'By day' },
  'report.district': { vi: 'Toàn huyện', en: 'Whole district' },
  'report.unitTotal': { vi: 'Tổng', en: 'Total of' },
  'report.unknownCommune': { vi: 'Chưa rõ xã', en: 'Commune not known' },
  'contact.noLongerTraced': {
    vi: 'Không còn trong kết quả truy vết mới (dữ liệu đã được sửa hoặc thời kỳ lây nhiễm đã đổi)',
    en: 'No longer in the fresh trace (the data was corrected or the infectious window changed)',
  },
  'report.newCases': { vi: 'Ca mắc mới (F0)', en: 'New cases (F0)' },
  'report.underFollowup': { vi: 'F1 đang theo dõi', en: 'F1 under follow-up' },
  'report.completed': { vi: 'Hoàn thành theo dõi', en: 'Follow-up completed' },
  'report.lost': { vi: 'Mất dấu', en: 'Lost to follow-up' },
  'report.converted': { vi: 'Chuyển thành ca bệnh', en: 'Became cases' },
  'report.testsDue': { vi: 'Xét nghiệm đến hạn', en: 'Tests due' },
  'report.testsDone': { vi: 'Xét nghiệm đã làm', en: 'Tests done' },
} as const satisfies Record<string, { vi: string; en: string }>;
