/**
 * The default health declaration (GUIDE §3, after the Ministry of Health's 2020–2021 form).
 * Districts edit it on the server; devices receive new versions as data.
 */
import type { Questionnaire, RiskKind } from '../protocol';

const yesno = (id: string, group: string, vi: string, en: string) => ({
  id,
  kind: 'yesno' as const,
  group,
  label: { vi, en },
});
/** A yes/no question whose yes is a risk signal, with its short words at the door. */
const signal = (
  id: string,
  group: string,
  vi: string,
  en: string,
  risk: RiskKind,
  shortVi: string,
  shortEn: string,
) => ({
  ...yesno(id, group, vi, en),
  risk,
  riskLabel: { vi: shortVi, en: shortEn },
});

/** Version 1, seeded into every new server. */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = {
  version: 1,
  questions: [
    {
      id: 'travel',
      kind: 'text',
      group: 'travel',
      label: {
        vi: 'Trong 14 ngày qua, anh/chị đã đi qua những nơi nào?',
        en: 'Places travelled through in the last 14 days',
      },
    },
    signal('fever', 'symptoms', 'Sốt', 'Fever', 'symptom', 'sốt', 'fever'),
    signal('cough', 'symptoms', 'Ho', 'Cough', 'symptom', 'ho', 'cough'),
    signal('breath', 'symptoms', 'Khó thở', 'Shortness of breath', 'symptom', 'khó thở', 'shortness of breath'),
    signal('sore_throat', 'symptoms', 'Đau họng', 'Sore throat', 'symptom', 'đau họng', 'sore throat'),
    signal('nausea', 'symptoms', 'Buồn nôn, nôn', 'Nausea or vomiting', 'symptom', 'buồn nôn', 'nausea'),
    signal('diarrhoea', 'symptoms', 'Tiêu chảy', 'Diarrhoea', 'symptom', 'tiêu chảy', 'diarrhoea'),
    signal(
      'taste_smell',
      'symptoms',
      'Mất vị giác, khứu giác',
      'Loss of taste or smell',
      'symptom',
      'mất vị giác, khứu giác',
      'loss of taste or smell',
    ),
    signal(
      'other_symptom',
      'symptoms',
      'Triệu chứng khác',
      'Other symptoms',
      'symptom',
      'triệu chứng khác',
      'other symptoms',
    ),
    signal(
      'contact_case',
      'exposure',
      'Tiếp xúc gần với người mắc hoặc nghi mắc bệnh',
      'Close contact with a confirmed or suspected case',
      'exposure',
      'Tiếp xúc ca bệnh',
      'Contact with a case',
    ),
    signal(
      'outbreak_area',
      'exposure',
      'Đến từ hoặc đi qua vùng có dịch',
      'Came from or through an outbreak area',
      'exposure',
      'Từ vùng có dịch',
      'From an outbreak area',
    ),
    signal(
      'animal_market',
      'exposure',
      'Đến chợ động vật sống',
      'Visited a live-animal market',
      'exposure',
      'Đến chợ động vật sống',
      'Live-animal market',
    ),
    {
      id: 'vaccine_doses',
      kind: 'number',
      group: 'vaccination',
      label: { vi: 'Số mũi vắc-xin đã tiêm', en: 'Vaccine doses received' },
    },
    {
      id: 'test_result',
      kind: 'choice',
      group: 'test',
      label: { vi: 'Kết quả xét nghiệm gần nhất', en: 'Most recent test result' },
      options: [
        { value: 'none', label: { vi: 'Chưa xét nghiệm', en: 'Not tested' } },
        { value: 'negative', label: { vi: 'Âm tính', en: 'Negative' } },
        {
          value: 'positive',
          label: { vi: 'Dương tính', en: 'Positive' },
          risk: 'exposure',
          riskLabel: { vi: 'Xét nghiệm dương tính', en: 'Tested positive' },
        },
      ],
    },
    { id: 'test_date', kind: 'date', group: 'test', label: { vi: 'Ngày xét nghiệm', en: 'Test date' } },
    {
      id: 'consent',
      kind: 'yesno',
      group: 'consent',
      required: true,
      label: {
        vi: 'Tôi cam kết những thông tin trên là đúng sự thật, tôi hiểu rằng nếu cung cấp sai thông tin có thể xử lý theo quy định của pháp luật.',
        en: 'I declare the information above is true; I understand false information may be punished by law.',
      },
    },
  ],
};

/** The yes/no questions in order: bit i of a visitor code's flags is the answer to the i-th of these. */
export function yesNoQuestionIds(questionnaire: Questionnaire): string[] {
  return questionnaire.questions.filter((q) => q.kind === 'yesno').map((q) => q.id);
}
