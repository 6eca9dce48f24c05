/**
 * The section headings of a declaration form, by question group ("Triệu chứng trong 14 ngày qua"…), for the visitor's
 * own form and the guard's khai hộ and paper forms alike.
 */
import type { Question } from '../../shared/protocol';
import type { MessageKey } from '../i18n/dict';
import '../i18n/dict-visitor'; // the group headings' part of the dictionary

const GROUPS: Record<string, MessageKey> = {
  travel: 'visitor.group.travel',
  symptoms: 'visitor.group.symptoms',
  exposure: 'visitor.group.exposure',
  vaccination: 'visitor.group.vaccination',
  test: 'visitor.group.test',
  consent: 'visitor.group.consent',
};

/** For each question, the heading to show above it: its group's, where a new known group begins; else null. */
export function groupHeadings(questions: readonly Question[]): (MessageKey | null)[] {
  let group = '';
  return questions.map((q) => {
    const heading = q.group !== group ? (GROUPS[q.group] ?? null) : null;
    group = q.group;
    return heading;
  });
}
