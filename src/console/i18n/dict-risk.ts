/**
 * Risk at the door in the console (settings, questionnaire risk marks, dashboard, tracing filter). Vietnamese first.
 */
export const riskConsoleDict = {
  'risk.settings.title': { vi: 'Khai báo có nguy cơ', en: 'Risk declarations' },
  'risk.settings.validDays': {
    vi: 'Khai báo y tế có giá trị trong (ngày; 1 = chỉ trong ngày khai)',
    en: 'A declaration is valid for (days; 1 = the day it was made)',
  },
  'risk.settings.instruction': {
    vi: 'Lời dặn cho người có triệu chứng/yếu tố dịch tễ (hiện ở chốt và trên điện thoại người dân)',
    en: 'What a person with symptoms or an exposure is told (shown at the door and on their phone)',
  },
  'risk.settings.instructionPlaceholder': {
    vi: 'Ví dụ: Không vào bên trong lúc này. Đeo khẩu trang, về nơi ở, hạn chế tiếp xúc và gọi trạm y tế xã.',
    en: 'E.g. Do not go inside for now. Wear a mask, go home, avoid contact and call the commune health station.',
  },
  'risk.settings.phone': { vi: 'Số điện thoại trạm y tế', en: 'Health station phone' },

  'risk.q.mark': { vi: 'Trả lời “Có” là dấu hiệu nguy cơ', en: 'A “yes” is a risk signal' },
  'risk.q.none': { vi: 'Không', en: 'No' },
  'risk.q.symptom': { vi: 'Triệu chứng', en: 'Symptom' },
  'risk.q.exposure': { vi: 'Yếu tố dịch tễ (tiếp xúc, vùng dịch…)', en: 'Exposure (contact, outbreak area…)' },
  'risk.q.shortEn': { vi: 'Chữ ngắn (tiếng Anh)', en: 'Short words (English)' },
  'risk.q.short': {
    vi: 'Chữ ngắn hiện ở chốt (ví dụ: sốt, Tiếp xúc ca bệnh)',
    en: 'Short words at the door (e.g. fever, Contact with a case)',
  },

  'risk.dash.title': { vi: 'Khai báo có nguy cơ hôm nay ({date})', en: 'Risk declarations today ({date})' },
  'risk.dash.risky': { vi: 'lượt vào có triệu chứng/yếu tố dịch tễ', en: 'arrivals with symptoms or an exposure' },
  'risk.dash.symptom': { vi: 'có triệu chứng', en: 'with symptoms' },
  'risk.dash.exposure': { vi: 'có yếu tố dịch tễ', en: 'with an exposure' },
  'risk.dash.staleMissing': { vi: 'khai báo cũ hoặc chưa khai báo', en: 'old or no declaration' },
  'risk.dash.none': { vi: 'Hôm nay chưa có lượt vào nào.', en: 'No arrivals today yet.' },
  'risk.dash.col.checkpoint': { vi: 'Chốt', en: 'Checkpoint' },
  'risk.dash.col.commune': { vi: 'Xã, thị trấn', en: 'Commune' },
  'risk.dash.col.arrivals': { vi: 'Lượt vào', en: 'Arrivals' },
  'risk.dash.col.risky': { vi: 'Có nguy cơ', en: 'At risk' },
  'risk.dash.col.symptom': { vi: 'Triệu chứng', en: 'Symptoms' },
  'risk.dash.col.exposure': { vi: 'Dịch tễ', en: 'Exposure' },
  'risk.dash.col.stale': { vi: 'Khai báo cũ', en: 'Old' },
  'risk.dash.col.missing': { vi: 'Chưa khai', en: 'None' },
  'risk.dash.byCommune': { vi: 'Khai báo có nguy cơ theo xã, thị trấn', en: 'Risk declarations per commune' },

  'risk.trace.only': { vi: 'Chỉ người có triệu chứng/nguy cơ', en: 'Only people with symptoms/risk' },
  'risk.trace.col': { vi: 'Khai báo nguy cơ', en: 'Declared risk' },
  'risk.trace.symptom': { vi: 'Có triệu chứng', en: 'Symptoms' },
  'risk.trace.exposure': { vi: 'Yếu tố dịch tễ', en: 'Exposure' },
} as const satisfies Record<string, { vi: string; en: string }>;
